package org.tipline.gateway.evidence;

import org.tipline.gateway.platform.errors.PayloadTooLargeException;

/** An evidence upload larger than {@code tipline.evidence.max-file-bytes}; nothing of it was kept. */
public class EvidenceTooLargeException extends PayloadTooLargeException {

    private static final long serialVersionUID = 1L;

    public EvidenceTooLargeException(long limit) {
        super(limit);
    }
}
