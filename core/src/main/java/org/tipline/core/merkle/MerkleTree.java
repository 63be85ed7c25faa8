package org.tipline.core.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * RFC 9162 §2.1 Merkle tree mathematics over stored complete subtrees. A node {@code (level, index)} is the hash of
 * leaves {@code [index * 2^level, (index + 1) * 2^level)}; every other subtree hash is computed from those. Proofs
 * are planned as lists of leaf ranges, each decomposed into stored nodes, so a proof reads O(log n) hashes.
 */
public final class MerkleTree {

    private MerkleTree() {
    }

    /** A stored complete subtree. */
    public record Node(int level, long index) {
    }

    /** A range of leaves {@code [from, to)} whose subtree hash is one element of a proof. */
    public record Range(long from, long to) {
    }

    /** SHA-256(0x00 || data). */
    public static byte[] leafHash(byte[] data) {
        MessageDigest sha = sha256();
        sha.update((byte) 0);
        sha.update(data);
        return sha.digest();
    }

    /** SHA-256(0x01 || left || right). */
    public static byte[] nodeHash(byte[] left, byte[] right) {
        MessageDigest sha = sha256();
        sha.update((byte) 1);
        sha.update(left);
        sha.update(right);
        return sha.digest();
    }

    /** The largest power of two smaller than {@code n} (n ≥ 2). */
    static long split(long n) {
        return Long.highestOneBit(n - 1);
    }

    /**
     * The stored nodes a tree of {@code size} leaves is made of, largest first: one per set bit of the size. Together
     * with a new leaf they are all an append needs, and folded from the right they give the root.
     */
    public static List<Node> frontier(long size) {
        List<Node> nodes = new ArrayList<>();
        long start = 0;
        for (int level = 62; level >= 0; level--) {
            long width = 1L << level;
            if ((size & width) != 0) {
                nodes.add(new Node(level, start >> level));
                start += width;
            }
        }
        return nodes;
    }

    /** The root from the frontier's hashes (largest first), RFC 9162's MTH of the whole tree. */
    public static byte[] root(List<byte[]> frontierHashes) {
        byte[] root = frontierHashes.get(frontierHashes.size() - 1);
        for (int i = frontierHashes.size() - 2; i >= 0; i--) {
            root = nodeHash(frontierHashes.get(i), root);
        }
        return root;
    }

    /** The stored nodes whose hashes make up MTH(D[from:to]). */
    public static List<Node> decompose(Range range) {
        List<Node> nodes = new ArrayList<>();
        decompose(range.from(), range.to(), nodes);
        return nodes;
    }

    private static void decompose(long from, long to, List<Node> into) {
        long width = to - from;
        if (Long.bitCount(width) == 1 && from % width == 0) {
            into.add(new Node(Long.numberOfTrailingZeros(width), from / width));
            return;
        }
        long k = split(width);
        decompose(from, from + k, into);
        decompose(from + k, to, into);
    }

    /** MTH(D[from:to]) from stored node hashes. */
    public static byte[] rangeHash(Range range, Map<Node, byte[]> stored) {
        return rangeHash(range.from(), range.to(), stored);
    }

    private static byte[] rangeHash(long from, long to, Map<Node, byte[]> stored) {
        long width = to - from;
        if (Long.bitCount(width) == 1 && from % width == 0) {
            byte[] hash = stored.get(new Node(Long.numberOfTrailingZeros(width), from / width));
            if (hash == null) {
                throw new IllegalStateException("Tree node missing for leaves [" + from + ", " + to + ")");
            }
            return hash;
        }
        long k = split(width);
        return nodeHash(rangeHash(from, from + k, stored), rangeHash(from + k, to, stored));
    }

    /** RFC 9162 §2.1.3.1 PATH(m, D[0:n]) as ranges, leaf side first. */
    public static List<Range> inclusionPath(long m, long n) {
        List<Range> path = new ArrayList<>();
        inclusion(m, 0, n, path);
        return path;
    }

    private static void inclusion(long m, long from, long to, List<Range> path) {
        long n = to - from;
        if (n <= 1) {
            return;
        }
        long k = split(n);
        if (m < k) {
            inclusion(m, from, from + k, path);
            path.add(new Range(from + k, to));
        } else {
            inclusion(m - k, from + k, to, path);
            path.add(new Range(from, from + k));
        }
    }

    /** RFC 9162 §2.1.4.1 PROOF(m, D[0:n]) as ranges, 0 < m ≤ n. */
    public static List<Range> consistencyPath(long m, long n) {
        List<Range> proof = new ArrayList<>();
        subproof(m, 0, n, true, proof);
        return proof;
    }

    private static void subproof(long m, long from, long to, boolean complete, List<Range> proof) {
        long n = to - from;
        if (m == n) {
            if (!complete) {
                proof.add(new Range(from, to));
            }
            return;
        }
        long k = split(n);
        if (m <= k) {
            subproof(m, from, from + k, complete, proof);
            proof.add(new Range(from + k, to));
        } else {
            subproof(m - k, from + k, to, false, proof);
            proof.add(new Range(from, from + k));
        }
    }

    /**
     * Appends leaf hashes to a tree of {@code size} leaves whose frontier is in {@code known}; returns the new nodes
     * (the leaves and every complete subtree they close), in order, and adds them to {@code known}.
     */
    public static Map<Node, byte[]> append(long size, List<byte[]> leaves, Map<Node, byte[]> known) {
        Map<Node, byte[]> added = new LinkedHashMap<>();
        for (int i = 0; i < leaves.size(); i++) {
            Node node = new Node(0, size + i);
            byte[] hash = leaves.get(i);
            added.put(node, hash);
            known.put(node, hash);
            while ((node.index() & 1) == 1) {
                hash = nodeHash(known.get(new Node(node.level(), node.index() - 1)), hash);
                node = new Node(node.level() + 1, node.index() >> 1);
                added.put(node, hash);
                known.put(node, hash);
            }
        }
        return added;
    }

    /** All stored nodes the given ranges need, without repeats. */
    public static Set<Node> nodesFor(List<Range> ranges) {
        Set<Node> nodes = new LinkedHashSet<>();
        ranges.forEach(range -> nodes.addAll(decompose(range)));
        return nodes;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
