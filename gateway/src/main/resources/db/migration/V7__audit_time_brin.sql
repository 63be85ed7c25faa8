-- Time filters on the audit log use a BRIN index: events are appended in (nearly) the order of their time, so a
-- block range summary finds them, and appending an event costs next to nothing (the B-tree cost a write per event).
DROP INDEX audit_event_by_time;
CREATE INDEX audit_event_by_time ON audit_event USING brin (at);
COMMENT ON INDEX audit_event_by_time IS 'BRIN: events are appended in about the order of their time.';
