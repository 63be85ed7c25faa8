package org.tipline.gateway.platform.errors;

import java.util.List;

/** The request is well-formed but breaks the model's rules; every violation is listed: 422. */
public class UnprocessableException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final transient List<Violation> violations;

    public UnprocessableException(String message, List<Violation> violations) {
        super(message);
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
