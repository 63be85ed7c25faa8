-- The NCMEC connector's filing progress: one row per envelope received, one per file it forwards. Report content
-- is kept only while a filing is under way (filing.envelope) and, for follow-ups, the original's incident and
-- reporter (filing.follow_up_basis); never in the columns logs or metrics read.

CREATE TABLE filing (
    message_id           uuid PRIMARY KEY,
    report_id            uuid NOT NULL,
    kind                 text NOT NULL CHECK (kind IN ('REPORT', 'SUPPLEMENT', 'ESCALATION')),
    priority             smallint NOT NULL CHECK (priority BETWEEN 1 AND 3),
    received_at          timestamptz NOT NULL,
    envelope             bytea,
    step                 text NOT NULL CHECK (step IN ('RECEIVED', 'SUBMITTING', 'SUBMITTED', 'FINISHING', 'FINISHED',
                                                       'RETRACTING', 'REFUSED', 'DONE')),
    ncmec_report_id      bigint,
    abandoned_report_ids bigint[] NOT NULL DEFAULT '{}',
    outcome              text CHECK (outcome IN ('ACCEPTED', 'REJECTED', 'SKIPPED')),
    outcome_reason       text,
    follow_up_basis      bytea,
    attempts             integer NOT NULL DEFAULT 0,
    next_attempt_at      timestamptz NOT NULL,
    last_code            integer,
    last_problem         text,
    claimed_by           text,
    claimed_until        timestamptz,
    finished_at          timestamptz,
    updated_at           timestamptz NOT NULL,
    CHECK (step <> 'DONE' OR envelope IS NULL)
);

COMMENT ON TABLE filing IS 'One envelope of the ncmec intake topics and how far its filing with NCMEC got';
COMMENT ON COLUMN filing.message_id IS 'The envelope''s messageId: the de-duplication key';
COMMENT ON COLUMN filing.report_id IS 'The gateway''s report id';
COMMENT ON COLUMN filing.priority IS '1 (P1_IMMINENT) to 3: the filer takes the most urgent first';
COMMENT ON COLUMN filing.envelope IS 'The verified envelope, until the filing is done';
COMMENT ON COLUMN filing.step IS 'RECEIVED, SUBMITTING (a submit may be under way), SUBMITTED (files being added), FINISHING, FINISHED, RETRACTING, REFUSED (to be acknowledged as rejected), DONE';
COMMENT ON COLUMN filing.ncmec_report_id IS 'The CyberTipline report of the current attempt';
COMMENT ON COLUMN filing.abandoned_report_ids IS 'Earlier unfinished CyberTipline reports of this filing, retracted or left to expire';
COMMENT ON COLUMN filing.outcome IS 'ACCEPTED (finished), REJECTED (NCMEC refused the payload) or SKIPPED (nothing to file)';
COMMENT ON COLUMN filing.outcome_reason IS 'For REJECTED and SKIPPED: NCMEC''s code and description, or why';
COMMENT ON COLUMN filing.follow_up_basis IS 'For a finished REPORT: the incident and reporter its follow-ups repeat';
COMMENT ON COLUMN filing.last_code IS 'NCMEC''s last response code, for operators';
COMMENT ON COLUMN filing.last_problem IS 'The last failure, as a class of problem: never content';
COMMENT ON COLUMN filing.claimed_by IS 'The connector instance working on it, until claimed_until';

CREATE INDEX filing_due ON filing (priority, received_at) WHERE step <> 'DONE';
CREATE INDEX filing_by_report ON filing (report_id, kind);

CREATE TABLE filing_file (
    message_id      uuid NOT NULL REFERENCES filing ON DELETE CASCADE,
    position        integer NOT NULL CHECK (position >= 0),
    gateway_file_id uuid NOT NULL,
    step            text NOT NULL CHECK (step IN ('PENDING', 'UPLOADING', 'UPLOADED', 'DESCRIBING', 'DESCRIBED')),
    ncmec_file_id   text,
    md5             text,
    PRIMARY KEY (message_id, position)
);

COMMENT ON TABLE filing_file IS 'An evidence file of a filing and how far it got in the current CyberTipline report';
COMMENT ON COLUMN filing_file.step IS 'PENDING, UPLOADING (an upload may be under way), UPLOADED, DESCRIBING (a fileinfo may be under way), DESCRIBED';
COMMENT ON COLUMN filing_file.md5 IS 'The MD5 NCMEC answered, equal to what was sent and to the gateway''s';
