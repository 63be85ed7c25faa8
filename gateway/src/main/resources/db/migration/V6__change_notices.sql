-- Every change to credentials and platforms is announced to every gateway instance (LISTEN tipline_changes), whoever
-- makes it: the admin API or an operator's SQL. Instances keep active credentials and platform regimes between
-- requests and forget them on the notice, which PostgreSQL sends when the changing transaction commits.
CREATE FUNCTION announce_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('tipline_changes', TG_TABLE_NAME);
    RETURN NULL;
END
$$;
COMMENT ON FUNCTION announce_change() IS 'Notifies channel tipline_changes with the changed table''s name (ChangeNotices).';

CREATE TRIGGER credential_announce_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON credential
    FOR EACH STATEMENT EXECUTE FUNCTION announce_change();
CREATE TRIGGER platform_announce_change AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON platform
    FOR EACH STATEMENT EXECUTE FUNCTION announce_change();
