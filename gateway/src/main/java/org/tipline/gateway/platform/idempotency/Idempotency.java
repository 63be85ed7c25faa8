package org.tipline.gateway.platform.idempotency;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.tipline.gateway.platform.db.Sql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Runs an operation at most once per idempotency key, inside the caller's transaction. The key row is inserted
 * first: a concurrent request with the same key waits on it until the first commits (and then replays its result) or
 * rolls back (and then runs itself); a wait longer than the ledger connections' {@code lock_timeout} (10 s,
 * {@code quarkus.datasource.jdbc.new-connection-sql}) is answered 409. A replay with another
 * request digest fails with {@link IdempotencyKeyReusedException}.
 */
@ApplicationScoped
public class Idempotency {

    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final ObjectMapper json;
    private final Clock clock;

    Idempotency(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    /** Work whose result is stored for replay. */
    @FunctionalInterface
    public interface Work<T> {

        T run() throws SQLException;
    }

    public <T> Outcome<T> once(Connection connection, IdempotencyKey key, byte[] requestDigest, int status,
            Class<T> resultType, Work<T> work) throws SQLException {
        if (claim(connection, key, requestDigest, status)) {
            T result = work.run();
            store(connection, key, result);
            return new Outcome<>(result, status, false);
        }
        return replay(connection, key, requestDigest, resultType);
    }

    /** An idempotency key to claim, with the answer it will replay. */
    public record Claim(IdempotencyKey key, byte[] requestDigest, int status, Object result) {
    }

    /**
     * Claims every key of {@code claims} in one statement of the caller's transaction, each stored at once with the
     * answer it replays, and returns the keys claimed. A key already stored, or claimed earlier in the same list, is
     * not claimed: its caller replays it ({@link #replay}) once this transaction has committed. A key a transaction
     * in flight holds is waited for, at most the connections' {@code lock_timeout}; longer fails with
     * {@link IdempotencyKeyInFlightException}.
     */
    public Set<IdempotencyKey> claimAll(Connection connection, List<Claim> claims) throws SQLException {
        Map<IdempotencyKey, Claim> distinct = new LinkedHashMap<>();
        claims.forEach(claim -> distinct.putIfAbsent(claim.key(), claim));
        int n = distinct.size();
        String[] owners = new String[n];
        String[] keys = new String[n];
        byte[][] digests = new byte[n][];
        Integer[] statuses = new Integer[n];
        String[] results = new String[n];
        int i = 0;
        for (Claim claim : distinct.values()) {
            owners[i] = claim.key().owner();
            keys[i] = claim.key().key();
            digests[i] = claim.requestDigest();
            statuses[i] = claim.status();
            results[i] = resultJson(claim.result());
            i++;
        }
        Set<IdempotencyKey> claimed = new HashSet<>();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO idempotency_key (owner, key,"
                + " request_digest, status, result, created_at) SELECT o, k, d, s::smallint, r::jsonb, ? FROM"
                + " unnest(?::text[], ?::text[], ?::bytea[], ?::int[], ?::text[]) AS c(o, k, d, s, r)"
                + " ON CONFLICT (owner, key) DO NOTHING RETURNING owner, key")) {
            Sql.setInstant(insert, 1, clock.instant());
            insert.setArray(2, connection.createArrayOf("text", owners));
            insert.setArray(3, connection.createArrayOf("text", keys));
            insert.setArray(4, connection.createArrayOf("bytea", digests));
            insert.setArray(5, connection.createArrayOf("int4", statuses));
            insert.setArray(6, connection.createArrayOf("text", results));
            try (ResultSet row = insert.executeQuery()) {
                while (row.next()) {
                    claimed.add(new IdempotencyKey(row.getString(1), row.getString(2)));
                }
            }
        } catch (SQLException e) {
            if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                throw new IdempotencyKeyInFlightException();
            }
            throw e;
        }
        return claimed;
    }

    private String resultJson(Object result) {
        try {
            return json.writeValueAsString(result);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("An idempotent result could not be serialized", e);
        }
    }

    private boolean claim(Connection connection, IdempotencyKey key, byte[] digest, int status) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO idempotency_key (owner, key,"
                + " request_digest, status, result, created_at) VALUES (?, ?, ?, ?, '{}'::jsonb, ?)"
                + " ON CONFLICT (owner, key) DO NOTHING")) {
            insert.setString(1, key.owner());
            insert.setString(2, key.key());
            insert.setBytes(3, digest);
            insert.setInt(4, status);
            Sql.setInstant(insert, 5, clock.instant());
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                throw new IdempotencyKeyInFlightException();
            }
            throw e;
        }
    }

    private void store(Connection connection, IdempotencyKey key, Object result) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE idempotency_key SET result = ?::jsonb WHERE owner = ? AND key = ?")) {
            update.setString(1, json.writeValueAsString(result));
            update.setString(2, key.owner());
            update.setString(3, key.key());
            update.executeUpdate();
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("An idempotent result could not be serialized", e);
        }
    }

    /**
     * The stored answer of {@code key}, marked replayed: {@link IdempotencyKeyReusedException} when it was stored for
     * another request, {@link IdempotencyKeyInFlightException} when it is not stored (yet).
     */
    public <T> Outcome<T> replay(Connection connection, IdempotencyKey key, byte[] digest, Class<T> resultType)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT request_digest, status, result::text"
                + " FROM idempotency_key WHERE owner = ? AND key = ?")) {
            select.setString(1, key.owner());
            select.setString(2, key.key());
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw new IdempotencyKeyInFlightException();
                }
                if (!MessageDigest.isEqual(row.getBytes(1), digest)) {
                    throw new IdempotencyKeyReusedException();
                }
                return new Outcome<>(json.readValue(row.getString(3), resultType), row.getInt(2), true);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("A stored idempotent result could not be read", e);
        }
    }

    /** Deletes keys older than {@code retention}; returns how many. */
    public int purgeOlderThan(Connection connection, Duration retention) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM idempotency_key WHERE created_at < ?")) {
            Sql.setInstant(delete, 1, clock.instant().minus(retention));
            return delete.executeUpdate();
        }
    }
}
