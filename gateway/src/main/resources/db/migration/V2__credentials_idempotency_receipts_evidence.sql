-- Platforms and credentials, idempotency keys, receipts and routing results on reports, evidence files.

CREATE TABLE platform (
    id          text        PRIMARY KEY CHECK (id ~ '^[a-z0-9][a-z0-9-]{0,63}$'),
    name        text        NOT NULL CHECK (name <> ''),
    regimes     text[]      NOT NULL DEFAULT '{}',
    created_at  timestamptz NOT NULL
);
COMMENT ON TABLE platform IS 'Platforms (electronic service providers) that file reports.';
COMMENT ON COLUMN platform.id IS 'Platform id, chosen by the admin; bound to the platform''s credentials.';
COMMENT ON COLUMN platform.name IS 'Display name.';
COMMENT ON COLUMN platform.regimes IS 'Reporting regimes the platform is registered under (US_NCMEC, UK_NCA, CA_C3P…); routing reads them.';
COMMENT ON COLUMN platform.created_at IS 'When the platform was registered.';

CREATE TABLE credential (
    id            uuid        PRIMARY KEY,
    key_hash      bytea       NOT NULL UNIQUE CHECK (octet_length(key_hash) = 32),
    key_prefix    text        NOT NULL,
    role          text        NOT NULL CHECK (role IN ('platform', 'intake', 'auditor', 'admin')),
    platform_id   text        REFERENCES platform (id),
    destinations  text[],
    label         text        NOT NULL,
    created_at    timestamptz NOT NULL,
    created_by    text        NOT NULL,
    revoked_at    timestamptz,
    revoked_by    text,
    CHECK ((role = 'platform') = (platform_id IS NOT NULL)),
    CHECK ((role = 'intake') = (destinations IS NOT NULL AND cardinality(destinations) > 0)),
    CHECK ((revoked_at IS NULL) = (revoked_by IS NULL))
);
COMMENT ON TABLE credential IS 'API keys. The key itself is shown once at creation and never stored.';
COMMENT ON COLUMN credential.id IS 'Credential id: the principal name in audit events.';
COMMENT ON COLUMN credential.key_hash IS 'SHA-256 of the key (keys have 256 bits of entropy, so no slow hash is needed).';
COMMENT ON COLUMN credential.key_prefix IS 'First characters of the key, to tell keys apart in listings; useless for authentication.';
COMMENT ON COLUMN credential.role IS 'platform, intake, auditor or admin.';
COMMENT ON COLUMN credential.platform_id IS 'For role platform: the platform whose reports the key may file and read.';
COMMENT ON COLUMN credential.destinations IS 'For role intake: the destinations whose reports the key may acknowledge and fetch evidence of.';
COMMENT ON COLUMN credential.label IS 'What the key is for, as the admin described it.';
COMMENT ON COLUMN credential.created_at IS 'When the key was created.';
COMMENT ON COLUMN credential.created_by IS 'Credential id of the admin who created it, or "bootstrap" / "local-demo".';
COMMENT ON COLUMN credential.revoked_at IS 'When the key was revoked; a revoked key authenticates nothing.';
COMMENT ON COLUMN credential.revoked_by IS 'Credential id of the admin who revoked it.';

CREATE TABLE idempotency_key (
    owner           text        NOT NULL,
    key             text        NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
    request_digest  bytea       NOT NULL CHECK (octet_length(request_digest) = 32),
    status          smallint    NOT NULL CHECK (status BETWEEN 200 AND 299),
    result          jsonb       NOT NULL,
    created_at      timestamptz NOT NULL,
    PRIMARY KEY (owner, key)
);
COMMENT ON TABLE idempotency_key IS 'Idempotency-Key of each committed POST and the result it answered, replayed on retry.';
COMMENT ON COLUMN idempotency_key.owner IS 'Key space: "platform:<id>" for platform credentials, "credential:<id>" for others.';
COMMENT ON COLUMN idempotency_key.key IS 'The client''s Idempotency-Key.';
COMMENT ON COLUMN idempotency_key.request_digest IS 'SHA-256 over method, path, query and body: a retry must match it.';
COMMENT ON COLUMN idempotency_key.status IS 'HTTP status of the original answer.';
COMMENT ON COLUMN idempotency_key.result IS 'The original result (identifiers, states, receipts; never report content).';
COMMENT ON COLUMN idempotency_key.created_at IS 'When the key was first used; rows are kept at least 24 hours.';
CREATE INDEX idempotency_key_by_age ON idempotency_key (created_at);

ALTER TABLE report ADD COLUMN batched boolean NOT NULL DEFAULT false;
ALTER TABLE report ADD COLUMN destinations text[];
ALTER TABLE report ADD COLUMN receipt text;
ALTER TABLE report ADD CONSTRAINT report_submitted_has_receipt
    CHECK ((state = 'SUBMITTED') = (receipt IS NOT NULL AND destinations IS NOT NULL));
COMMENT ON COLUMN report.batched IS 'Whether the report is batched (VIRAL_POTENTIAL_MEME): one file, minimal detail.';
COMMENT ON COLUMN report.destinations IS 'Destinations the report was routed to at finish.';
COMMENT ON COLUMN report.receipt IS 'Signed receipt (compact JWS, EdDSA) given to the platform at finish.';

CREATE TABLE evidence_file (
    id                  uuid        PRIMARY KEY,
    report_id           uuid        NOT NULL REFERENCES report (id),
    size_bytes          bigint      NOT NULL CHECK (size_bytes >= 0),
    md5                 bytea       NOT NULL CHECK (octet_length(md5) = 16),
    sha1                bytea       NOT NULL CHECK (octet_length(sha1) = 20),
    sha256              bytea       NOT NULL CHECK (octet_length(sha256) = 32),
    media_type          text        NOT NULL,
    content_key_id      text        NOT NULL,
    uploaded_at         timestamptz NOT NULL,
    relevance           text        NOT NULL DEFAULT 'REPORTED' CHECK (relevance IN ('REPORTED', 'SUPPLEMENTAL_REPORTED')),
    annotations         text[]      NOT NULL DEFAULT '{}',
    details_key_id      text,
    details             bytea,
    details_updated_at  timestamptz,
    CHECK ((details IS NULL) = (details_key_id IS NULL))
);
COMMENT ON TABLE evidence_file IS 'Evidence files of reports; the bytes are in the evidence store, encrypted.';
COMMENT ON COLUMN evidence_file.id IS 'File id; names the encrypted object in the evidence store.';
COMMENT ON COLUMN evidence_file.report_id IS 'The report the file belongs to.';
COMMENT ON COLUMN evidence_file.size_bytes IS 'Size of the file as uploaded.';
COMMENT ON COLUMN evidence_file.md5 IS 'MD5 of the file as uploaded (NCMEC and hash-sharing programmes use it).';
COMMENT ON COLUMN evidence_file.sha1 IS 'SHA-1 of the file as uploaded.';
COMMENT ON COLUMN evidence_file.sha256 IS 'SHA-256 of the file as uploaded; the receipt names it.';
COMMENT ON COLUMN evidence_file.media_type IS 'Content type the platform declared.';
COMMENT ON COLUMN evidence_file.content_key_id IS 'Id of the AES-256 key that encrypted the stored bytes.';
COMMENT ON COLUMN evidence_file.uploaded_at IS 'When the upload was committed.';
COMMENT ON COLUMN evidence_file.relevance IS 'REPORTED or SUPPLEMENTAL_REPORTED, from the file details (kept in clear for the batched-mode rule).';
COMMENT ON COLUMN evidence_file.annotations IS 'File annotations from the details (kept in clear for the batched-mode rule).';
COMMENT ON COLUMN evidence_file.details_key_id IS 'Id of the AES-256 key that encrypted details.';
COMMENT ON COLUMN evidence_file.details IS 'AES-256-GCM ciphertext of the canonical file-details JSON.';
COMMENT ON COLUMN evidence_file.details_updated_at IS 'When the details were last set.';
CREATE INDEX evidence_file_by_report ON evidence_file (report_id);

GRANT SELECT ON platform TO ${app_role};
GRANT INSERT, UPDATE ON platform TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON credential TO ${app_role};
GRANT SELECT, INSERT, UPDATE, DELETE ON idempotency_key TO ${app_role};
GRANT SELECT, INSERT, UPDATE ON evidence_file TO ${app_role};
