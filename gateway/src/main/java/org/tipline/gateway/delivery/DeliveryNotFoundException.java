package org.tipline.gateway.delivery;

import java.util.UUID;

import org.tipline.gateway.platform.errors.NotFoundException;

/** The report was never routed to this destination (or does not exist): there is no delivery to acknowledge. */
public class DeliveryNotFoundException extends NotFoundException {

    private static final long serialVersionUID = 1L;

    public DeliveryNotFoundException(UUID reportId, String destination) {
        super("No delivery of report " + reportId + " to " + destination);
    }

    /** For a report id from a path that is not even a UUID. */
    public DeliveryNotFoundException(String reportId, String destination) {
        super("No delivery of report " + shown(reportId) + " to " + shown(destination));
    }
}
