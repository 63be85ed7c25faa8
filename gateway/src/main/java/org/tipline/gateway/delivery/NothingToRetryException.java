package org.tipline.gateway.delivery;

import java.util.UUID;

/** A retry of a delivery none of whose messages is parked: 409. */
public class NothingToRetryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    NothingToRetryException(UUID reportId, String destination, String state) {
        super("The delivery of report " + reportId + " to " + destination + " has not failed (it is " + state
                + "); there is nothing to retry");
    }
}
