-- Routing decisions, and what is sent after a report was submitted: supplements and escalations.

ALTER TABLE report ADD COLUMN routing jsonb;
COMMENT ON COLUMN report.routing IS 'Routing decision at finish: destination id to the ids of the rules that chose it.';
ALTER TABLE report ADD CONSTRAINT report_submitted_has_routing CHECK ((state = 'SUBMITTED') = (routing IS NOT NULL));

CREATE TABLE report_addition (
    id              uuid        PRIMARY KEY,
    report_id       uuid        NOT NULL REFERENCES report (id),
    kind            text        NOT NULL CHECK (kind IN ('SUPPLEMENT', 'ESCALATION')),
    created_at      timestamptz NOT NULL,
    priority        smallint    NOT NULL CHECK (priority BETWEEN 1 AND 3),
    content_digest  bytea       NOT NULL CHECK (octet_length(content_digest) = 32),
    content_key_id  text        NOT NULL,
    content         bytea       NOT NULL
);
COMMENT ON TABLE report_addition IS 'Supplements and escalations of submitted reports, forwarded to the report''s destinations.';
COMMENT ON COLUMN report_addition.id IS 'Addition id (UUIDv7).';
COMMENT ON COLUMN report_addition.report_id IS 'The submitted report it adds to.';
COMMENT ON COLUMN report_addition.kind IS 'SUPPLEMENT (new information or files) or ESCALATION (raised priority with a reason).';
COMMENT ON COLUMN report_addition.created_at IS 'When the platform sent it.';
COMMENT ON COLUMN report_addition.priority IS 'The report''s priority after this addition (1 = P1).';
COMMENT ON COLUMN report_addition.content_digest IS 'SHA-256 of the canonical JSON of the addition.';
COMMENT ON COLUMN report_addition.content_key_id IS 'Id of the AES-256-GCM key that encrypted content.';
COMMENT ON COLUMN report_addition.content IS 'AES-256-GCM ciphertext of the canonical addition JSON.';
CREATE INDEX report_addition_by_report ON report_addition (report_id, created_at);

ALTER TABLE outbox ADD COLUMN addition_id uuid REFERENCES report_addition (id);
COMMENT ON COLUMN outbox.addition_id IS 'For SUPPLEMENT and ESCALATION messages: the addition carried.';
ALTER TABLE outbox ADD CONSTRAINT outbox_addition_kind
    CHECK ((kind IN ('SUPPLEMENT', 'ESCALATION')) = (addition_id IS NOT NULL));

ALTER TABLE evidence_file ADD COLUMN addition_id uuid REFERENCES report_addition (id);
ALTER TABLE evidence_file ADD COLUMN after_submission boolean NOT NULL DEFAULT false;
COMMENT ON COLUMN evidence_file.addition_id IS 'The supplement that forwarded this file, for files added after submission.';
COMMENT ON COLUMN evidence_file.after_submission IS 'Uploaded after the report was submitted: forwarded only with a supplement.';

GRANT SELECT, INSERT ON report_addition TO ${app_role};
