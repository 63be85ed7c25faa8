package org.tipline.gateway.delivery;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * How far delivery of a report to one destination got.
 *
 * @param reason the receiver's reason for a rejection
 * @param failedAt when a message of this delivery was parked (attempts exhausted, or it could never be sent)
 * @param failure why it was parked, without content
 * @param submittedAt when the report was submitted: no acknowledgement can be older; not shown to clients
 */
public record DeliveryStatus(String destination, String state, Instant forwardedAt, Instant acknowledgedAt,
        String externalReference, String reason, Instant failedAt, String failure,
        @JsonIgnore Instant submittedAt) {
}
