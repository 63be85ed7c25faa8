package org.tipline.gateway.delivery;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.tipline.gateway.kernel.Priority;

/**
 * A message committed to the outbox with the change that caused it, waiting for the relay.
 *
 * @param id queue position, assigned by the ledger (0 before insert)
 * @param additionId the supplement or escalation carried, for those kinds; otherwise null
 * @param attempts failed attempts so far
 * @param contentBytes upper bound of the envelope's size, estimated when queued
 */
public record OutboxMessage(long id, UUID messageId, UUID reportId, String destination, String topic,
        MessageKind kind, Priority priority, UUID additionId, Instant createdAt, int attempts, int contentBytes) {

    public OutboxMessage {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(reportId, "reportId");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
