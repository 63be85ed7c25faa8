-- The tamper-evident audit trail: an append-only log of events, a Merkle tree over it (RFC 9162) and signed tree heads.
-- Business transactions write to audit_inbox; one sequencer at a time moves events into audit_event with a gapless
-- seq, extends the tree and signs tree heads. The application role may only read and append the log.

CREATE TABLE audit_inbox (
    id           bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at           timestamptz NOT NULL,
    type         text        NOT NULL CHECK (type ~ '^[a-z]+(\.[a-z_]+)+$'),
    actor_id     text        NOT NULL CHECK (actor_id <> ''),
    actor_role   text        NOT NULL CHECK (actor_role IN ('platform', 'intake', 'auditor', 'admin', 'system')),
    platform_id  text,
    report_id    uuid,
    destination  text,
    details      jsonb       NOT NULL CHECK (jsonb_typeof(details) = 'object')
);
COMMENT ON TABLE audit_inbox IS 'Audit events committed with the change they record, waiting to be sequenced into audit_event.';
COMMENT ON COLUMN audit_inbox.id IS 'Arrival order; not gapless (rolled-back transactions leave holes).';
COMMENT ON COLUMN audit_inbox.at IS 'When the recorded change happened.';
COMMENT ON COLUMN audit_inbox.type IS 'Event type, e.g. report.submitted.';
COMMENT ON COLUMN audit_inbox.actor_id IS 'Credential id of the principal, or system:<component>.';
COMMENT ON COLUMN audit_inbox.actor_role IS 'Role of the principal, or system.';
COMMENT ON COLUMN audit_inbox.platform_id IS 'Platform concerned, if any.';
COMMENT ON COLUMN audit_inbox.report_id IS 'Report concerned, if any.';
COMMENT ON COLUMN audit_inbox.destination IS 'Destination concerned, if any.';
COMMENT ON COLUMN audit_inbox.details IS 'Identifiers, digests and counts only; never report content or personal data.';

CREATE TABLE audit_event (
    seq          bigint      PRIMARY KEY CHECK (seq >= 0),
    source_id    bigint      NOT NULL UNIQUE,
    at           timestamptz NOT NULL,
    type         text        NOT NULL CHECK (type ~ '^[a-z]+(\.[a-z_]+)+$'),
    actor_id     text        NOT NULL CHECK (actor_id <> ''),
    actor_role   text        NOT NULL CHECK (actor_role IN ('platform', 'intake', 'auditor', 'admin', 'system')),
    platform_id  text,
    report_id    uuid,
    destination  text,
    details      jsonb       NOT NULL CHECK (jsonb_typeof(details) = 'object')
);
COMMENT ON TABLE audit_event IS 'The audit log: append-only, gapless. Each event is a leaf of the Merkle tree; its leaf hash, SHA-256(0x00 || RFC 8785 canonical JSON of the event), is the tree''s node (0, seq).';
COMMENT ON COLUMN audit_event.seq IS '0-based leaf index, assigned gaplessly at insert by the sequencer.';
COMMENT ON COLUMN audit_event.source_id IS 'audit_inbox.id the event came from: its identity, so a retried sequencing is refused as a duplicate.';
COMMENT ON COLUMN audit_event.at IS 'When the recorded change happened.';
COMMENT ON COLUMN audit_event.type IS 'Event type, e.g. report.submitted.';
COMMENT ON COLUMN audit_event.actor_id IS 'Credential id of the principal, or system:<component>.';
COMMENT ON COLUMN audit_event.actor_role IS 'Role of the principal, or system.';
COMMENT ON COLUMN audit_event.platform_id IS 'Platform concerned, if any.';
COMMENT ON COLUMN audit_event.report_id IS 'Report concerned, if any.';
COMMENT ON COLUMN audit_event.destination IS 'Destination concerned, if any.';
COMMENT ON COLUMN audit_event.details IS 'Identifiers, digests and counts only; never report content or personal data.';

CREATE INDEX audit_event_by_report ON audit_event (report_id, seq) WHERE report_id IS NOT NULL;
CREATE INDEX audit_event_by_platform ON audit_event (platform_id, seq) WHERE platform_id IS NOT NULL;
CREATE INDEX audit_event_by_actor ON audit_event (actor_id, seq);
CREATE INDEX audit_event_by_type ON audit_event (type, seq);
CREATE INDEX audit_event_by_time ON audit_event (at);

CREATE TABLE audit_tree_node (
    level  smallint NOT NULL CHECK (level BETWEEN 0 AND 62),
    idx    bigint   NOT NULL CHECK (idx >= 0),
    hash   bytea    NOT NULL CHECK (octet_length(hash) = 32),
    PRIMARY KEY (level, idx)
);
COMMENT ON TABLE audit_tree_node IS 'Every complete subtree of the Merkle tree: node (level, idx) covers leaves [idx * 2^level, (idx + 1) * 2^level).';
COMMENT ON COLUMN audit_tree_node.level IS 'Height: 0 for leaves.';
COMMENT ON COLUMN audit_tree_node.idx IS 'Position among the nodes of its level.';
COMMENT ON COLUMN audit_tree_node.hash IS 'Leaf hash (level 0) or SHA-256(0x01 || left || right).';

CREATE TABLE audit_tree_head (
    tree_size    bigint      PRIMARY KEY CHECK (tree_size > 0),
    root_hash    bytea       NOT NULL CHECK (octet_length(root_hash) = 32),
    signed_at    timestamptz NOT NULL,
    origin       text        NOT NULL,
    key_id       text        NOT NULL,
    signature    bytea       NOT NULL CHECK (octet_length(signature) = 64)
);
COMMENT ON TABLE audit_tree_head IS 'Signed tree heads: the gateway''s commitment to the first tree_size events.';
COMMENT ON COLUMN audit_tree_head.tree_size IS 'Number of events committed to.';
COMMENT ON COLUMN audit_tree_head.root_hash IS 'RFC 9162 root hash of those events.';
COMMENT ON COLUMN audit_tree_head.signed_at IS 'When the head was signed (in the signed note as the "timestamp" extension line).';
COMMENT ON COLUMN audit_tree_head.origin IS 'Log origin of the C2SP checkpoint.';
COMMENT ON COLUMN audit_tree_head.key_id IS 'JWK thumbprint of the Ed25519 key that signed (see /v1/keys).';
COMMENT ON COLUMN audit_tree_head.signature IS 'Ed25519 signature over the checkpoint note body.';

CREATE TABLE audit_feed_position (
    feed      text   PRIMARY KEY,
    next_seq  bigint NOT NULL CHECK (next_seq >= 0)
);
COMMENT ON TABLE audit_feed_position IS 'How far each feed of the audit log (the SIEM topic) has published.';
COMMENT ON COLUMN audit_feed_position.feed IS 'Feed name.';
COMMENT ON COLUMN audit_feed_position.next_seq IS 'First seq not yet published.';
INSERT INTO audit_feed_position (feed, next_seq) VALUES ('kafka', 0);

-- Append-only, whoever connects: updates, deletes and truncation of log rows are refused.
CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only: % on % refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_tree_node_append_only BEFORE UPDATE OR DELETE ON audit_tree_node
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_tree_node_no_truncate BEFORE TRUNCATE ON audit_tree_node
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_tree_head_append_only BEFORE UPDATE OR DELETE ON audit_tree_head
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_tree_head_no_truncate BEFORE TRUNCATE ON audit_tree_head
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();

-- The application role reads and appends; it has no UPDATE, DELETE or TRUNCATE on the log.
GRANT SELECT, INSERT, DELETE ON audit_inbox TO ${app_role};
GRANT SELECT, INSERT ON audit_event TO ${app_role};
GRANT SELECT, INSERT ON audit_tree_node TO ${app_role};
GRANT SELECT, INSERT ON audit_tree_head TO ${app_role};
GRANT SELECT, UPDATE ON audit_feed_position TO ${app_role};
