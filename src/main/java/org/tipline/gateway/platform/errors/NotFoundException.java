package org.tipline.gateway.platform.errors;

/** Nothing of that name exists for the caller (answered 404); the message names what was looked for. */
public class NotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(String message) {
        super(message);
    }
}
