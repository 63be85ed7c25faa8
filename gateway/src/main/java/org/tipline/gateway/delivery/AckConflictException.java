package org.tipline.gateway.delivery;

/** An acknowledgement contradicts the one already recorded for the delivery (answered 409). */
public class AckConflictException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AckConflictException(String message) {
        super(message);
    }
}
