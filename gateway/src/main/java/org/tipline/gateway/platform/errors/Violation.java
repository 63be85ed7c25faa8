package org.tipline.gateway.platform.errors;

import java.util.Objects;

/**
 * One problem with a request: where (an RFC 6901 JSON pointer into the request body, "" for the whole document),
 * which stable code, and a human-readable message that never repeats the offending value.
 */
public record Violation(String pointer, ViolationCode code, String message) {

    public Violation {
        Objects.requireNonNull(pointer, "pointer");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** Escapes one reference token of a JSON pointer (RFC 6901 §3). */
    public static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
