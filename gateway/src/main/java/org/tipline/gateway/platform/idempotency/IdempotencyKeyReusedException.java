package org.tipline.gateway.platform.idempotency;

/** The key was already used for a different request (another body, path or query). */
public class IdempotencyKeyReusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IdempotencyKeyReusedException() {
        super("This Idempotency-Key was already used for a different request; use a new key");
    }
}
