-- Delivery that cannot get stuck: a message that fails is retried later with back-off (the rest of the outbox goes
-- on), a message that keeps failing or can never be sent is parked and its delivery marked FAILED until an operator
-- retries it. Each outbox row knows its size, so the relay bounds its batches by bytes.

ALTER TABLE outbox ADD COLUMN next_attempt_at timestamptz;
ALTER TABLE outbox ADD COLUMN failed_at timestamptz;
ALTER TABLE outbox ADD COLUMN content_bytes integer NOT NULL DEFAULT 0 CHECK (content_bytes >= 0);
ALTER TABLE outbox ADD CONSTRAINT outbox_failure_has_error CHECK (failed_at IS NULL OR last_error IS NOT NULL);
COMMENT ON COLUMN outbox.next_attempt_at IS 'After a failed attempt: not before this time (exponential back-off); NULL = now.';
COMMENT ON COLUMN outbox.failed_at IS 'When the message was parked (attempts exhausted, or it can never be sent); the relay skips it until an operator retries it.';
COMMENT ON COLUMN outbox.content_bytes IS 'Upper bound of the envelope''s size in bytes, estimated when queued; bounds relay batches.';
COMMENT ON COLUMN outbox.last_error IS 'Why the last attempt failed (no content): the broker''s error, or why the envelope could not be built.';

DROP INDEX outbox_queue;
CREATE INDEX outbox_queue ON outbox (priority, id) WHERE failed_at IS NULL;
CREATE INDEX outbox_parked ON outbox (report_id, destination) WHERE failed_at IS NOT NULL;

ALTER TABLE delivery DROP CONSTRAINT delivery_state_check;
ALTER TABLE delivery DROP CONSTRAINT delivery_check;
ALTER TABLE delivery ADD COLUMN failed_at timestamptz;
ALTER TABLE delivery ADD COLUMN failure text;
ALTER TABLE delivery ADD CONSTRAINT delivery_state_check
    CHECK (state IN ('PENDING', 'FORWARDED', 'ACKNOWLEDGED', 'REJECTED', 'FAILED'));
ALTER TABLE delivery ADD CONSTRAINT delivery_timestamps CHECK (CASE state
    WHEN 'PENDING' THEN forwarded_at IS NULL AND acknowledged_at IS NULL
    WHEN 'FORWARDED' THEN forwarded_at IS NOT NULL AND acknowledged_at IS NULL
    WHEN 'FAILED' THEN acknowledged_at IS NULL AND failed_at IS NOT NULL
    ELSE acknowledged_at IS NOT NULL
END);
ALTER TABLE delivery ADD CONSTRAINT delivery_failure_has_reason CHECK ((failed_at IS NULL) = (failure IS NULL));
COMMENT ON COLUMN delivery.state IS 'PENDING (queued), FORWARDED (on the topic), ACKNOWLEDGED or REJECTED by the receiver, FAILED (a message to the destination is parked).';
COMMENT ON COLUMN delivery.failed_at IS 'When a message of this delivery was parked; cleared by a retry.';
COMMENT ON COLUMN delivery.failure IS 'Why it was parked (no content).';
CREATE INDEX delivery_failed ON delivery (failed_at) WHERE failed_at IS NOT NULL;
-- The relay sends a message only when no earlier one about the same report to the same destination is queued.
CREATE INDEX outbox_by_delivery ON outbox (report_id, destination, id);
