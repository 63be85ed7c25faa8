package org.tipline.gateway.audit.log;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.tipline.core.merkle.MerkleTree.Node;

/** SQL for the Merkle tree's stored complete subtrees ({@code audit_tree_node}). */
@ApplicationScoped
public class TreeStore {

    /** The number of leaves (events) in the log. */
    public long size(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT coalesce(max(seq) + 1, 0) FROM audit_event"); ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    /** The hashes of the given nodes, in one query; missing nodes are absent from the map. */
    public Map<Node, byte[]> read(Connection connection, Collection<Node> nodes) throws SQLException {
        Map<Node, byte[]> hashes = new HashMap<>();
        if (nodes.isEmpty()) {
            return hashes;
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT n.level, n.idx, n.hash FROM"
                + " audit_tree_node n JOIN unnest(?::smallint[], ?::bigint[]) AS w(level, idx)"
                + " ON n.level = w.level AND n.idx = w.idx")) {
            select.setArray(1, connection.createArrayOf("smallint",
                    nodes.stream().map(n -> (short) n.level()).toArray()));
            select.setArray(2, connection.createArrayOf("bigint", nodes.stream().map(Node::index).toArray()));
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    hashes.put(new Node(row.getInt(1), row.getLong(2)), row.getBytes(3));
                }
            }
        }
        return hashes;
    }

    /** Appends nodes. */
    public void write(Connection connection, Map<Node, byte[]> nodes) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO audit_tree_node (level, idx, hash) VALUES (?, ?, ?)")) {
            for (Map.Entry<Node, byte[]> node : nodes.entrySet()) {
                insert.setShort(1, (short) node.getKey().level());
                insert.setLong(2, node.getKey().index());
                insert.setBytes(3, node.getValue());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
