package org.tipline.gateway.platform.idempotency;

/** Another request with the same key has not finished yet. */
public class IdempotencyKeyInFlightException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IdempotencyKeyInFlightException() {
        super("A request with this Idempotency-Key is still in progress; retry shortly");
    }
}
