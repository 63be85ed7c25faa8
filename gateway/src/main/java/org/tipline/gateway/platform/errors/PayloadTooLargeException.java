package org.tipline.gateway.platform.errors;

/** The request body is larger than the endpoint accepts: 413; nothing was read past the limit. */
public class PayloadTooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PayloadTooLargeException(long limitBytes) {
        super("The request body is larger than " + limitBytes + " bytes");
    }
}
