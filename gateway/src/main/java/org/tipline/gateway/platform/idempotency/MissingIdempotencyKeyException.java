package org.tipline.gateway.platform.idempotency;

/** A POST without a usable {@code Idempotency-Key} header. */
public class MissingIdempotencyKeyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MissingIdempotencyKeyException(String reason) {
        super(reason);
    }
}
