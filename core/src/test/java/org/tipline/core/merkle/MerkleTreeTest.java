package org.tipline.core.merkle;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipline.core.merkle.MerkleTree.Node;
import org.tipline.core.merkle.MerkleTree.Range;
import org.tipline.testsupport.Rfc9162;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stored-subtree tree agrees with an independent implementation of RFC 9162 written from the RFC: roots, audit
 * paths and consistency proofs for sizes 1 to 70 exhaustively and 2^k, 2^k + 1 up to 2^12 + 1; both verifiers
 * accept them, refuse every altered proof and refuse first = 0 and first > second.
 */
class MerkleTreeTest {

    private static final Random RANDOM = new Random(9162);

    static Stream<Integer> sizes() {
        return Stream.concat(IntStream.rangeClosed(1, 70).boxed(), IntStream.rangeClosed(7, 12)
                .boxed().flatMap(k -> Stream.of(1 << k, (1 << k) + 1)));
    }

    @ParameterizedTest(name = "tree of {0}")
    @MethodSource("sizes")
    void rootsAndAuditPathsAgreeWithTheRfc(int size) {
        // Given a tree appended in random batches, as the sequencer does
        List<byte[]> leaves = leaves(size);
        Map<Node, byte[]> stored = appendInBatches(leaves);
        // When
        byte[] root = root(size, stored);
        // Then
        byte[] reference = Rfc9162.mth(leaves);
        assertThat(root).isEqualTo(reference);
        for (int m : indexes(size)) {
            List<byte[]> path = hashes(MerkleTree.inclusionPath(m, size), stored);
            assertThat(path).as("PATH(%d, D[%d])", m, size).containsExactlyElementsOf(Rfc9162.path(m, leaves));
            assertThat(Rfc9162.verifyInclusion(m, size, leaves.get(m), path, reference)).isTrue();
            assertThat(TreeVerification.inclusion(m, size, leaves.get(m), path, reference)).isTrue();
            assertThat(MerkleTree.nodesFor(MerkleTree.inclusionPath(m, size))).hasSizeLessThanOrEqualTo(
                    2 * log2(size) + 1);
        }
    }

    @ParameterizedTest(name = "tree of {0}")
    @MethodSource("sizes")
    void consistencyProofsAgreeWithTheRfc(int size) {
        // Given
        List<byte[]> leaves = leaves(size);
        Map<Node, byte[]> stored = appendInBatches(leaves);
        byte[] secondRoot = Rfc9162.mth(leaves);
        for (int first : firsts(size)) {
            // When
            List<byte[]> proof = hashes(MerkleTree.consistencyPath(first, size), stored);
            // Then
            byte[] firstRoot = Rfc9162.mth(leaves.subList(0, first));
            assertThat(proof).as("PROOF(%d, D[%d])", first, size)
                    .containsExactlyElementsOf(Rfc9162.proof(first, leaves));
            assertThat(Rfc9162.verifyConsistency(first, size, firstRoot, secondRoot, proof)).isTrue();
            assertThat(TreeVerification.consistency(first, size, firstRoot, secondRoot, proof)).isTrue();
            assertThat(MerkleTree.nodesFor(MerkleTree.consistencyPath(first, size))).hasSizeLessThanOrEqualTo(
                    2 * log2(size) + 2);
        }
    }

    @ParameterizedTest(name = "tree of {0}")
    @MethodSource("sizes")
    void everyAlteredProofIsRefused(int size) {
        // Given a valid inclusion proof of the last leaf and a consistency proof from the middle
        List<byte[]> leaves = leaves(size);
        Map<Node, byte[]> stored = appendInBatches(leaves);
        byte[] root = Rfc9162.mth(leaves);
        int m = size - 1;
        int first = Math.max(1, size / 2);
        byte[] firstRoot = Rfc9162.mth(leaves.subList(0, first));
        List<byte[]> path = hashes(MerkleTree.inclusionPath(m, size), stored);
        List<byte[]> proof = hashes(MerkleTree.consistencyPath(first, size), stored);
        // When each is altered in every way
        for (List<byte[]> altered : alterations(path)) {
            // Then
            assertThat(Rfc9162.verifyInclusion(m, size, leaves.get(m), altered, root)).isFalse();
            assertThat(TreeVerification.inclusion(m, size, leaves.get(m), altered, root)).isFalse();
        }
        for (List<byte[]> altered : alterations(proof)) {
            assertThat(Rfc9162.verifyConsistency(first, size, firstRoot, root, altered)).isFalse();
            assertThat(TreeVerification.consistency(first, size, firstRoot, root, altered)).isFalse();
        }
        byte[] otherLeaf = Rfc9162.leaf("another event".getBytes());
        assertThat(TreeVerification.inclusion(m, size, otherLeaf, path, root)).isFalse();
        assertThat(TreeVerification.inclusion(size, size, leaves.get(m), path, root)).isFalse();
    }

    @Test
    void equalSizesHaveAnEmptyProofAndTheSameRoot() {
        // Given
        List<byte[]> leaves = leaves(5);
        byte[] root = Rfc9162.mth(leaves);
        // When
        List<Range> proof = MerkleTree.consistencyPath(5, 5);
        // Then
        assertThat(proof).isEmpty();
        assertThat(Rfc9162.verifyConsistency(5, 5, root, root, List.of())).isTrue();
        assertThat(TreeVerification.consistency(5, 5, root, root, List.of())).isTrue();
        assertThat(TreeVerification.consistency(5, 5, root, Rfc9162.mth(leaves(6)), List.of())).isFalse();
        assertThat(TreeVerification.consistency(5, 5, root, root, List.of(root))).isFalse();
    }

    @Test
    void anEmptyFirstTreeOrAFirstTreeLargerThanTheSecondIsRefused() {
        // Given
        List<byte[]> leaves = leaves(8);
        byte[] root4 = Rfc9162.mth(leaves.subList(0, 4));
        byte[] root8 = Rfc9162.mth(leaves);
        byte[] empty = Rfc9162.mth(List.of());
        List<byte[]> proof4to8 = Rfc9162.proof(4, leaves);
        // When / Then: first = 0, with whatever proof
        assertThat(TreeVerification.consistency(0, 8, empty, root8, List.of())).isFalse();
        assertThat(TreeVerification.consistency(0, 8, empty, root8, proof4to8)).isFalse();
        assertThat(Rfc9162.verifyConsistency(0, 8, empty, root8, List.of())).isFalse();
        // and first > second
        assertThat(TreeVerification.consistency(8, 4, root8, root4, proof4to8)).isFalse();
        assertThat(Rfc9162.verifyConsistency(8, 4, root8, root4, proof4to8)).isFalse();
        assertThat(TreeVerification.consistency(4, 8, root4, root8, proof4to8)).isTrue();
    }

    @Test
    void theFrontierHasOneNodePerSetBitOfTheSize() {
        assertThat(MerkleTree.frontier(0)).isEmpty();
        assertThat(MerkleTree.frontier(1)).containsExactly(new Node(0, 0));
        assertThat(MerkleTree.frontier(6)).containsExactly(new Node(2, 0), new Node(1, 2));
        assertThat(MerkleTree.frontier(13)).containsExactly(new Node(3, 0), new Node(2, 2), new Node(0, 12));
        assertThat(MerkleTree.frontier((1L << 40) + 1)).containsExactly(new Node(40, 0), new Node(0, 1L << 40));
    }

    @Test
    void anAppendStoresEveryCompleteSubtreeOnce() {
        // Given
        Map<Node, byte[]> known = new HashMap<>();
        // When 8 leaves are appended one by one
        List<Node> added = new ArrayList<>();
        leaves(8).forEach(leaf -> added.addAll(MerkleTree.append(added.stream().filter(n -> n.level() == 0).count(),
                List.of(leaf), known).keySet()));
        // Then 8 leaves, 4 + 2 + 1 interior nodes, none twice
        assertThat(added).hasSize(15).doesNotHaveDuplicates();
        assertThat(added).contains(new Node(3, 0), new Node(2, 1), new Node(1, 3));
    }

    /** Leaf hashes of synthetic entries. */
    private static List<byte[]> leaves(int size) {
        List<byte[]> leaves = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            leaves.add(Rfc9162.leaf(("synthetic audit event " + i).getBytes()));
        }
        return leaves;
    }

    /** The stored nodes after appending the leaves in batches of random size (1 to 9). */
    private static Map<Node, byte[]> appendInBatches(List<byte[]> leaves) {
        Map<Node, byte[]> stored = new HashMap<>();
        int size = 0;
        while (size < leaves.size()) {
            int batch = Math.min(leaves.size() - size, 1 + RANDOM.nextInt(9));
            Map<Node, byte[]> frontier = new HashMap<>();
            for (Node node : MerkleTree.frontier(size)) {
                frontier.put(node, stored.get(node));
            }
            stored.putAll(MerkleTree.append(size, leaves.subList(size, size + batch), frontier));
            size += batch;
        }
        return stored;
    }

    private static byte[] root(long size, Map<Node, byte[]> stored) {
        return MerkleTree.root(MerkleTree.frontier(size).stream().map(stored::get).toList());
    }

    private static List<byte[]> hashes(List<Range> ranges, Map<Node, byte[]> stored) {
        return ranges.stream().map(range -> MerkleTree.rangeHash(range, stored)).toList();
    }

    /** Every leaf index for small trees; the edges and a sample for large ones. */
    private static int[] indexes(int size) {
        if (size <= 70) {
            return IntStream.range(0, size).toArray();
        }
        return IntStream.concat(IntStream.of(0, 1, size / 2, size - 2, size - 1), RANDOM.ints(12, 0, size))
                .distinct().toArray();
    }

    /** Every first size for small trees; powers of two, their neighbours and a sample for large ones. */
    private static int[] firsts(int size) {
        if (size <= 70) {
            return IntStream.rangeClosed(1, size).toArray();
        }
        return IntStream.concat(LongStream.rangeClosed(0, 12).mapToInt(k -> 1 << k)
                .flatMap(p -> IntStream.of(p - 1, p, p + 1)), RANDOM.ints(12, 1, size + 1))
                .filter(first -> first >= 1 && first <= size).distinct().toArray();
    }

    /** The proof with each element flipped, dropped or duplicated, with an extra element and reversed. */
    private static List<List<byte[]>> alterations(List<byte[]> proof) {
        List<List<byte[]>> altered = new ArrayList<>();
        for (int i = 0; i < proof.size(); i++) {
            List<byte[]> flipped = new ArrayList<>(proof);
            byte[] hash = Arrays.copyOf(proof.get(i), 32);
            hash[RANDOM.nextInt(32)] ^= 1;
            flipped.set(i, hash);
            altered.add(flipped);
            List<byte[]> dropped = new ArrayList<>(proof);
            dropped.remove(i);
            altered.add(dropped);
        }
        List<byte[]> extra = new ArrayList<>(proof);
        extra.add(Rfc9162.leaf(new byte[]{1}));
        altered.add(extra);
        if (proof.size() > 1 && !Arrays.equals(proof.get(0), proof.get(proof.size() - 1))) {
            List<byte[]> reversed = new ArrayList<>(proof);
            java.util.Collections.reverse(reversed);
            altered.add(reversed);
        }
        return altered;
    }

    private static int log2(long size) {
        return 64 - Long.numberOfLeadingZeros(Math.max(1, size - 1));
    }
}
