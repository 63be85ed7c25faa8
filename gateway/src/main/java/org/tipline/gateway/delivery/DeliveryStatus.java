package org.tipline.gateway.delivery;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * How far delivery of a report to one destination got.
 *
 * @param submittedAt when the report was submitted: no acknowledgement can be older; not shown to clients
 */
public record DeliveryStatus(String destination, String state, Instant forwardedAt, Instant acknowledgedAt,
        String externalReference, String reason, @JsonIgnore Instant submittedAt) {
}
