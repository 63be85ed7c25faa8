package org.tipline.gateway.platform.errors;

import java.util.List;

/** The request is not well-formed (syntax, wrong JSON types, unknown fields, missing headers): 400. */
public class MalformedRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient List<Violation> violations;

    public MalformedRequestException(String message, List<Violation> violations) {
        super(message);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
