package org.tipline.gateway.security;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.tipline.gateway.platform.db.Sql;

/** SQL for the {@code credential} and {@code platform} tables. */
@ApplicationScoped
public class CredentialRepository {

    /** The unrevoked credential whose key hashes to {@code keyHash}. */
    public Optional<Caller> findActive(Connection connection, byte[] keyHash) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT id, role, platform_id, destinations"
                + " FROM credential WHERE key_hash = ? AND revoked_at IS NULL")) {
            select.setBytes(1, keyHash);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(caller(row)) : Optional.empty();
            }
        }
    }

    public boolean existsWithHash(Connection connection, byte[] keyHash) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM credential WHERE key_hash = ?")) {
            select.setBytes(1, keyHash);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    public void insert(Connection connection, Credential credential, byte[] keyHash) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO credential (id, key_hash, key_prefix,"
                + " role, platform_id, destinations, label, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, credential.id());
            insert.setBytes(2, keyHash);
            insert.setString(3, credential.keyPrefix());
            insert.setString(4, credential.role().id());
            insert.setString(5, credential.platformId());
            insert.setArray(6, credential.destinations().isEmpty()
                    ? null
                    : connection.createArrayOf("text", credential.destinations().toArray()));
            insert.setString(7, credential.label());
            Sql.setInstant(insert, 8, credential.createdAt());
            insert.setString(9, credential.createdBy());
            insert.executeUpdate();
        }
    }

    /** Revokes the credential; false if there is none with this id or it was already revoked. */
    public boolean revoke(Connection connection, UUID id, String by, Instant at) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE credential SET revoked_at = ?,"
                + " revoked_by = ? WHERE id = ? AND revoked_at IS NULL")) {
            Sql.setInstant(update, 1, at);
            update.setString(2, by);
            update.setObject(3, id);
            return update.executeUpdate() == 1;
        }
    }

    public List<Credential> list(Connection connection) throws SQLException {
        List<Credential> credentials = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, key_prefix, role, platform_id,"
                + " destinations, label, created_at, created_by, revoked_at FROM credential ORDER BY created_at");
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                credentials.add(new Credential(row.getObject(1, UUID.class), row.getString(2),
                        Role.of(row.getString(3)), row.getString(4), strings(row.getArray(5)), row.getString(6),
                        Sql.getInstant(row, 7), row.getString(8), Sql.getInstant(row, 9)));
            }
        }
        return credentials;
    }

    public boolean platformExists(Connection connection, String platformId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM platform WHERE id = ?")) {
            select.setString(1, platformId);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    /** Registers a platform; false if the id is taken. */
    public boolean insertPlatform(Connection connection, PlatformRecord platform) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO platform (id, name, regimes,"
                + " created_at) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
            insert.setString(1, platform.id());
            insert.setString(2, platform.name());
            insert.setArray(3, connection.createArrayOf("text", platform.regimes().toArray()));
            Sql.setInstant(insert, 4, platform.createdAt());
            return insert.executeUpdate() == 1;
        }
    }

    public List<PlatformRecord> platforms(Connection connection) throws SQLException {
        List<PlatformRecord> platforms = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, name, regimes, created_at FROM platform ORDER BY id");
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                platforms.add(new PlatformRecord(row.getString(1), row.getString(2), strings(row.getArray(3)),
                        Sql.getInstant(row, 4)));
            }
        }
        return platforms;
    }

    public Optional<PlatformRecord> platform(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, name, regimes, created_at FROM platform WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next()
                        ? Optional.of(new PlatformRecord(row.getString(1), row.getString(2),
                                strings(row.getArray(3)), Sql.getInstant(row, 4)))
                        : Optional.empty();
            }
        }
    }

    private static Caller caller(ResultSet row) throws SQLException {
        return new Caller(row.getObject(1, UUID.class), Role.of(row.getString(2)), row.getString(3),
                strings(row.getArray(4)));
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
