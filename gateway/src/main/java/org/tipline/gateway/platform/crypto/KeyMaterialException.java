package org.tipline.gateway.platform.crypto;

/** Keys are missing, unreadable or of the wrong kind; raised at start-up so a misconfigured gateway never runs. */
public class KeyMaterialException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public KeyMaterialException(String message) {
        super(message);
    }

    public KeyMaterialException(String message, Throwable cause) {
        super(message, cause);
    }
}
