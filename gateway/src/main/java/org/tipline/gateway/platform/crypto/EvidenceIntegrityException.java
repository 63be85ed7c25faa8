package org.tipline.gateway.platform.crypto;

import java.io.IOException;

/** Thrown while reading evidence that was altered, truncated, of no known version or encrypted under another identity. */
public final class EvidenceIntegrityException extends IOException {

    private static final long serialVersionUID = 1L;

    EvidenceIntegrityException(String message, Throwable cause) {
        super(message, cause);
    }
}
