package org.tipline.gateway.delivery;

/** Part of a batch was not acknowledged by the broker; the acknowledged part was committed as sent. */
class RelayException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    RelayException(String message, int committed) {
        super(message + " (" + committed + " committed)");
    }
}
