package org.tipline.ncmec.api;

import java.io.IOException;

/**
 * A call got no answer. {@code sent} says whether the request may have reached NCMEC (a timeout or a dropped
 * connection: it may have been carried out) or certainly did not (the connection could not be opened).
 */
public final class NoAnswerException extends IOException {

    private static final long serialVersionUID = 1L;
    private final boolean sent;

    NoAnswerException(String call, boolean sent, IOException cause) {
        super(call + (sent ? ": no answer (the request may have been carried out)" : ": NCMEC could not be reached")
                + " (" + cause.getClass().getSimpleName() + ")", cause);
        this.sent = sent;
    }

    /** Whether NCMEC may have carried the request out. */
    public boolean maybeCarriedOut() {
        return sent;
    }
}
