package org.tipline.gateway.audit.log;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.tipline.core.note.TreeHead;
import org.tipline.gateway.audit.AuditConfig;
import org.tipline.gateway.platform.crypto.SigningKeys;
import org.tipline.gateway.platform.db.Sql;

/** Signs tree heads with the gateway's Ed25519 key and keeps them in {@code audit_tree_head}. */
@ApplicationScoped
public class TreeHeads {

    private final SigningKeys keys;
    private final AuditConfig config;

    TreeHeads(SigningKeys keys, AuditConfig config) {
        this.keys = keys;
        this.config = config;
    }

    /** A new head for {@code size} leaves with root {@code root}, signed now (to the millisecond). */
    public TreeHead sign(long size, byte[] root, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        byte[] body = TreeHead.noteBody(config.origin(), size, root, at)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return new TreeHead(config.origin(), size, root, at, keys.keyId(), keys.signRaw(body));
    }

    public void insert(Connection connection, TreeHead head) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_tree_head (tree_size,"
                + " root_hash, signed_at, origin, key_id, signature) VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setLong(1, head.treeSize());
            insert.setBytes(2, head.rootHash());
            Sql.setInstant(insert, 3, head.timestamp());
            insert.setString(4, head.origin());
            insert.setString(5, head.keyId());
            insert.setBytes(6, head.signature());
            insert.executeUpdate();
        }
    }

    /** The latest signed head, if any. */
    public Optional<TreeHead> latest(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT tree_size, root_hash, signed_at, origin,"
                + " key_id, signature FROM audit_tree_head ORDER BY tree_size DESC LIMIT 1");
                ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                return Optional.empty();
            }
            return Optional.of(new TreeHead(row.getString(4), row.getLong(1), row.getBytes(2),
                    Sql.getInstant(row, 3), row.getString(5), row.getBytes(6)));
        }
    }

    /** The key name the checkpoints are signed under (the origin, as is usual for logs). */
    public String keyName() {
        return config.origin();
    }

    public byte[] publicKey() {
        return keys.publicKeyBytes();
    }

}
