package org.tipline.gateway.audit.log;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.tipline.core.merkle.MerkleTree;
import org.tipline.core.merkle.MerkleTree.Node;
import org.tipline.core.merkle.MerkleTree.Range;
import org.tipline.gateway.platform.errors.MalformedRequestException;
import org.tipline.gateway.platform.errors.Violation;
import org.tipline.gateway.platform.errors.ViolationCode;

/** RFC 9162 inclusion and consistency proofs from the stored tree: one query for the O(log n) nodes a proof needs. */
@ApplicationScoped
public class AuditProofs {

    private final TreeStore tree;

    AuditProofs(TreeStore tree) {
        this.tree = tree;
    }

    /** An inclusion proof: the leaf's audit path in a tree of {@code treeSize} leaves, leaf side first. */
    public record Inclusion(long leafIndex, long treeSize, List<String> auditPath) {
    }

    /** A consistency proof between the trees of {@code first} and {@code second} leaves. */
    public record Consistency(long first, long second, List<String> consistencyPath) {
    }

    public Inclusion inclusion(Connection connection, long seq, long treeSize) throws SQLException {
        long size = tree.size(connection);
        require(treeSize >= 1 && treeSize <= size, "treeSize", "must be from 1 to the log's size, " + size);
        require(seq >= 0 && seq < treeSize, "seq", "must be from 0 to treeSize - 1");
        return new Inclusion(seq, treeSize, hashes(connection, MerkleTree.inclusionPath(seq, treeSize)));
    }

    public Consistency consistency(Connection connection, long first, long second) throws SQLException {
        long size = tree.size(connection);
        require(first >= 1, "first", "must be at least 1 (an empty tree has no consistency proof)");
        require(second >= first, "second", "must not be smaller than first");
        require(second <= size, "second", "must not exceed the log's size, " + size);
        return new Consistency(first, second, hashes(connection, MerkleTree.consistencyPath(first, second)));
    }

    private List<String> hashes(Connection connection, List<Range> ranges) throws SQLException {
        Map<Node, byte[]> stored = tree.read(connection, MerkleTree.nodesFor(ranges));
        return ranges.stream().map(range -> Base64.getEncoder().encodeToString(MerkleTree.rangeHash(range, stored)))
                .toList();
    }

    private static void require(boolean condition, String parameter, String message) {
        if (!condition) {
            throw new MalformedRequestException("Invalid proof request", List.of(new Violation("",
                    ViolationCode.OUT_OF_RANGE, "query parameter " + parameter + ": " + message)));
        }
    }
}
