-- The ledger's first tables: reports, their per-destination delivery state, and the transactional outbox.
-- Runs as the schema owner; ${app_role} is the role the gateway connects as.

CREATE TABLE report (
    id              uuid        PRIMARY KEY,
    platform_id     text        NOT NULL CHECK (platform_id <> ''),
    state           text        NOT NULL CHECK (state IN ('OPEN', 'SUBMITTED', 'RETRACTED', 'EXPIRED')),
    incident_type   text        NOT NULL,
    priority        smallint    NOT NULL CHECK (priority BETWEEN 1 AND 3),
    opened_at       timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL CHECK (updated_at >= opened_at),
    submitted_at    timestamptz CHECK (submitted_at >= opened_at),
    expires_at      timestamptz,
    content_digest  bytea       NOT NULL CHECK (octet_length(content_digest) = 32),
    content_key_id  text        NOT NULL,
    content         bytea       NOT NULL,
    CHECK ((state = 'SUBMITTED') = (submitted_at IS NOT NULL)),
    CHECK ((state = 'OPEN') = (expires_at IS NOT NULL))
);
COMMENT ON TABLE report IS 'One row per report. The content is encrypted; everything else is metadata.';
COMMENT ON COLUMN report.id IS 'Report id (UUIDv7: sorts by creation time); the Kafka record key.';
COMMENT ON COLUMN report.platform_id IS 'Platform that filed the report; only its principals may read it.';
COMMENT ON COLUMN report.state IS 'Lifecycle state: OPEN, then SUBMITTED, RETRACTED or EXPIRED.';
COMMENT ON COLUMN report.incident_type IS 'incident.type code, kept in clear for routing and listing.';
COMMENT ON COLUMN report.priority IS '1 = P1_IMMINENT, 2 = P2_SERIOUS, 3 = P3_STANDARD.';
COMMENT ON COLUMN report.opened_at IS 'When the report was opened.';
COMMENT ON COLUMN report.updated_at IS 'Last change by the platform; drives expiry.';
COMMENT ON COLUMN report.submitted_at IS 'When the report was finished (SUBMITTED only).';
COMMENT ON COLUMN report.expires_at IS 'When an OPEN report expires: max(opened + 24 h, last change + 1 h).';
COMMENT ON COLUMN report.content_digest IS 'SHA-256 of the canonical (RFC 8785) report JSON.';
COMMENT ON COLUMN report.content_key_id IS 'Id of the AES-256-GCM key that encrypted content.';
COMMENT ON COLUMN report.content IS 'AES-256-GCM ciphertext of the canonical report JSON (nonce || ciphertext || tag).';

CREATE INDEX report_by_platform ON report (platform_id, id DESC);
CREATE INDEX report_open_by_expiry ON report (expires_at) WHERE state = 'OPEN';

CREATE TABLE delivery (
    report_id           uuid        NOT NULL REFERENCES report (id),
    destination         text        NOT NULL CHECK (destination <> ''),
    state               text        NOT NULL CHECK (state IN ('PENDING', 'FORWARDED', 'ACKNOWLEDGED', 'REJECTED')),
    forwarded_at        timestamptz,
    acknowledged_at     timestamptz,
    external_reference  text,
    reason              text,
    PRIMARY KEY (report_id, destination),
    CHECK (CASE state
               WHEN 'PENDING' THEN forwarded_at IS NULL AND acknowledged_at IS NULL
               WHEN 'FORWARDED' THEN forwarded_at IS NOT NULL AND acknowledged_at IS NULL
               ELSE acknowledged_at IS NOT NULL
           END)
);
COMMENT ON TABLE delivery IS 'Delivery of a submitted report to one destination, up to the receiver''s acknowledgement.';
COMMENT ON COLUMN delivery.report_id IS 'The report delivered.';
COMMENT ON COLUMN delivery.destination IS 'Destination id (configuration).';
COMMENT ON COLUMN delivery.state IS 'PENDING (queued), FORWARDED (on the topic), ACKNOWLEDGED or REJECTED by the receiver.';
COMMENT ON COLUMN delivery.forwarded_at IS 'When the report was first written to the destination''s topic.';
COMMENT ON COLUMN delivery.acknowledged_at IS 'When the receiver acknowledged or rejected it.';
COMMENT ON COLUMN delivery.external_reference IS 'The receiver''s own case reference.';
COMMENT ON COLUMN delivery.reason IS 'The receiver''s reason for a rejection.';

CREATE TABLE outbox (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id   uuid        NOT NULL UNIQUE,
    report_id    uuid        NOT NULL REFERENCES report (id),
    destination  text        NOT NULL,
    topic        text        NOT NULL CHECK (topic <> ''),
    kind         text        NOT NULL CHECK (kind IN ('REPORT', 'SUPPLEMENT', 'ESCALATION', 'RETRACTION')),
    priority     smallint    NOT NULL CHECK (priority BETWEEN 1 AND 3),
    created_at   timestamptz NOT NULL,
    attempts     integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    last_error   text
);
COMMENT ON TABLE outbox IS 'Messages committed with the change that caused them and not yet on Kafka; the relay deletes a row once the broker has it.';
COMMENT ON COLUMN outbox.id IS 'Queue order within a priority.';
COMMENT ON COLUMN outbox.message_id IS 'Envelope messageId; the same on every retry so consumers can de-duplicate.';
COMMENT ON COLUMN outbox.report_id IS 'Report the message is about; the Kafka record key.';
COMMENT ON COLUMN outbox.destination IS 'Destination id the message is for.';
COMMENT ON COLUMN outbox.topic IS 'Kafka topic, chosen when the row was written (urgent lane for P1).';
COMMENT ON COLUMN outbox.kind IS 'Envelope kind.';
COMMENT ON COLUMN outbox.priority IS 'Priority when queued; lower goes first.';
COMMENT ON COLUMN outbox.created_at IS 'When the message was queued.';
COMMENT ON COLUMN outbox.attempts IS 'Failed publish attempts so far.';
COMMENT ON COLUMN outbox.last_error IS 'The broker''s last error (no content).';

CREATE INDEX outbox_queue ON outbox (priority, id);

GRANT SELECT, INSERT, UPDATE ON report TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON delivery TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON outbox TO ${app_role};
