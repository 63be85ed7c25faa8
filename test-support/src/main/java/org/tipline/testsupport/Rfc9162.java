package org.tipline.testsupport;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An independent RFC 9162 §2.1 implementation for tests, written from the RFC's text and sharing no code with the
 * gateway: MTH, PATH and PROOF as the RFC defines them recursively over the list of leaf hashes, and the two
 * verification algorithms of §2.1.3.2 and §2.1.4.2 step by step.
 */
public final class Rfc9162 {

    private Rfc9162() {
    }

    /** SHA-256(0x00 || entry). */
    public static byte[] leaf(byte[] entry) {
        return sha256(new byte[]{0x00}, entry);
    }

    /** SHA-256(0x01 || left || right). */
    public static byte[] interior(byte[] left, byte[] right) {
        return sha256(new byte[]{0x01}, left, right);
    }

    /** MTH(D[n]) over leaf hashes (the leaf hashing already applied). */
    public static byte[] mth(List<byte[]> leaves) {
        int n = leaves.size();
        if (n == 0) {
            return sha256();
        }
        if (n == 1) {
            return leaves.get(0);
        }
        int k = largestPowerOfTwoBelow(n);
        return interior(mth(leaves.subList(0, k)), mth(leaves.subList(k, n)));
    }

    /** PATH(m, D[n]) of §2.1.3.1. */
    public static List<byte[]> path(int m, List<byte[]> leaves) {
        int n = leaves.size();
        List<byte[]> path = new ArrayList<>();
        if (n <= 1) {
            return path;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m < k) {
            path.addAll(path(m, leaves.subList(0, k)));
            path.add(mth(leaves.subList(k, n)));
        } else {
            path.addAll(path(m - k, leaves.subList(k, n)));
            path.add(mth(leaves.subList(0, k)));
        }
        return path;
    }

    /** PROOF(m, D[n]) = SUBPROOF(m, D[n], true) of §2.1.4.1. */
    public static List<byte[]> proof(int m, List<byte[]> leaves) {
        return subproof(m, leaves, true);
    }

    private static List<byte[]> subproof(int m, List<byte[]> leaves, boolean b) {
        int n = leaves.size();
        List<byte[]> proof = new ArrayList<>();
        if (m == n) {
            if (!b) {
                proof.add(mth(leaves));
            }
            return proof;
        }
        int k = largestPowerOfTwoBelow(n);
        if (m <= k) {
            proof.addAll(subproof(m, leaves.subList(0, k), b));
            proof.add(mth(leaves.subList(k, n)));
        } else {
            proof.addAll(subproof(m - k, leaves.subList(k, n), false));
            proof.add(mth(leaves.subList(0, k)));
        }
        return proof;
    }

    /** §2.1.3.2: verifying an inclusion proof. */
    public static boolean verifyInclusion(long leafIndex, long treeSize, byte[] leafHash, List<byte[]> inclusionPath,
            byte[] rootHash) {
        // 1. Compare leaf_index from the inclusion_proof_v2 structure against tree_size. If leaf_index is greater
        // than or equal to tree_size, then fail the proof verification.
        if (leafIndex >= treeSize) {
            return false;
        }
        // 2. Set fn to leaf_index and sn to tree_size - 1.
        long fn = leafIndex;
        long sn = treeSize - 1;
        // 3. Set r to hash.
        byte[] r = leafHash;
        // 4. For each value p in the inclusion_path array:
        for (byte[] p : inclusionPath) {
            // a. If sn is 0, then stop the iteration and fail the proof verification.
            if (sn == 0) {
                return false;
            }
            // b. If LSB(fn) is set, or if fn is equal to sn, then:
            if (lsb(fn) || fn == sn) {
                // i. Set r to HASH(0x01 || p || r).
                r = interior(p, r);
                // ii. If LSB(fn) is not set, then right-shift both fn and sn equally until either LSB(fn) is set or
                // fn is 0.
                while (!lsb(fn) && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                // Otherwise: Set r to HASH(0x01 || r || p).
                r = interior(r, p);
            }
            // c. Finally, right-shift both fn and sn one time.
            fn >>>= 1;
            sn >>>= 1;
        }
        // 5. Compare sn to 0. Compare r against the root_hash. If sn is equal to 0 and r and the root_hash are equal,
        // then the log has proven the inclusion of hash. Otherwise, fail the proof verification.
        return sn == 0 && Arrays.equals(r, rootHash);
    }

    /** §2.1.4.2: verifying a consistency proof. */
    public static boolean verifyConsistency(long first, long second, byte[] firstHash, byte[] secondHash,
            List<byte[]> consistencyPath) {
        // The verifier refuses an empty first tree and a first tree larger than the second: they have no proof.
        if (first < 1 || first > second) {
            return false;
        }
        // An equal pair of trees is consistent when the roots are the same and the proof is empty.
        if (first == second) {
            return consistencyPath.isEmpty() && Arrays.equals(firstHash, secondHash);
        }
        // 1. If consistency_path is an empty array, stop and fail the proof verification.
        if (consistencyPath.isEmpty()) {
            return false;
        }
        // 2. If first is an exact power of 2, then prepend first_hash to the consistency_path array.
        List<byte[]> path = new ArrayList<>(consistencyPath);
        if ((first & (first - 1)) == 0) {
            path.add(0, firstHash);
        }
        // 3. Set fn to first - 1 and sn to second - 1.
        long fn = first - 1;
        long sn = second - 1;
        // 4. If LSB(fn) is set, then right-shift both fn and sn equally until LSB(fn) is not set.
        while (lsb(fn)) {
            fn >>>= 1;
            sn >>>= 1;
        }
        // 5. Set both fr and sr to the first value in the consistency_path array.
        byte[] fr = path.get(0);
        byte[] sr = path.get(0);
        // 6. For each subsequent value c in the consistency_path array:
        for (byte[] c : path.subList(1, path.size())) {
            // a. If sn is 0, then stop the iteration and fail the proof verification.
            if (sn == 0) {
                return false;
            }
            // b. If LSB(fn) is set, or if fn is equal to sn, then:
            if (lsb(fn) || fn == sn) {
                // i. Set fr to HASH(0x01 || c || fr). Set sr to HASH(0x01 || c || sr).
                fr = interior(c, fr);
                sr = interior(c, sr);
                // ii. If LSB(fn) is not set, then right-shift both fn and sn equally until either LSB(fn) is set or
                // fn is 0.
                while (!lsb(fn) && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                // Otherwise: Set sr to HASH(0x01 || sr || c).
                sr = interior(sr, c);
            }
            // c. Finally, right-shift both fn and sn one time.
            fn >>>= 1;
            sn >>>= 1;
        }
        // 7. After completing iterating through the consistency_path array as described above, verify that the fr
        // calculated is equal to the first_hash supplied, that the sr calculated is equal to the second_hash
        // supplied, and that sn is 0.
        return Arrays.equals(fr, firstHash) && Arrays.equals(sr, secondHash) && sn == 0;
    }

    private static boolean lsb(long value) {
        return (value & 1) == 1;
    }

    private static int largestPowerOfTwoBelow(int n) {
        int k = 1;
        while (k << 1 < n) {
            k <<= 1;
        }
        return k;
    }

    private static byte[] sha256(byte[]... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (byte[] part : parts) {
                sha.update(part);
            }
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
