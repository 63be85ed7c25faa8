package org.tipline.gateway.delivery;

import java.time.Instant;

/** How far delivery of a report to one destination got. */
public record DeliveryStatus(String destination, String state, Instant forwardedAt, Instant acknowledgedAt,
        String externalReference, String reason) {
}
