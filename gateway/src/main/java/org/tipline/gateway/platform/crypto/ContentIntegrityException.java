package org.tipline.gateway.platform.crypto;

/** Stored ciphertext did not authenticate: it was altered, moved to another row, or the key is wrong. */
public class ContentIntegrityException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ContentIntegrityException(String keyId, Throwable cause) {
        super("Stored content failed authentication under key " + keyId, cause);
    }
}
