package org.tipline.gateway.platform.idempotency;

import java.util.Objects;
import java.util.regex.Pattern;

/** A client's {@code Idempotency-Key} in its owner's key space (a platform, or a single credential). */
public record IdempotencyKey(String owner, String key) {

    public static final String HEADER = "Idempotency-Key";
    /** How the header is described in the API description. */
    public static final String DESCRIPTION = "Unique per request (1-255 visible ASCII characters); a retry with the"
            + " same key and request gets the original answer";
    private static final Pattern VISIBLE_ASCII = Pattern.compile("[\\x21-\\x7E]{1,255}");

    public IdempotencyKey {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(key, "key");
    }

    /** The key from the header value; {@link MissingIdempotencyKeyException} when absent or unusable. */
    public static IdempotencyKey of(String owner, String header) {
        if (header == null || header.isBlank()) {
            throw new MissingIdempotencyKeyException("The Idempotency-Key header is required on every POST");
        }
        String key = header.trim();
        if (!VISIBLE_ASCII.matcher(key).matches()) {
            throw new MissingIdempotencyKeyException(
                    "The Idempotency-Key header must be 1 to 255 visible ASCII characters (a UUID is a good choice)");
        }
        return new IdempotencyKey(owner, key);
    }
}
