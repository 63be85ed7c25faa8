package org.tipline.gateway.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;

import org.erdtman.jcs.JsonCanonicalizer;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.tipline.gateway.audit.log.MerkleTree;
import org.tipline.gateway.audit.log.TreeHead;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The auditor's offline verifier. Given an export of the log (NDJSON from {@code /v1/audit/export}), a signed tree head
 * ({@code /v1/audit/tree-head}) and the gateway's public keys ({@code /v1/keys}), it recomputes every event's leaf
 * hash from its content and the tree's root, checks the head's Ed25519 signature, and with an older saved head, its
 * signature, its root and a consistency proof between the two. It names the first event that does not match and
 * exits 1 on any mismatch. Memory stays constant whatever the size of the export.
 */
@Command(name = "tipline-audit-verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Verify an exported audit log against signed tree heads, offline.")
public class AuditVerifyCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--export", required = true, description = "NDJSON export of the log, from event 0")
    Path export;

    @Option(names = "--tree-head", required = true, description = "A signed tree head (JSON)")
    Path treeHead;

    @Option(names = "--keys", required = true, description = "The gateway's JWKS (GET /v1/keys)")
    Path keys;

    @Option(names = "--old-tree-head", description = "An older saved tree head to check against the new one")
    Path oldTreeHead;

    @Option(names = "--consistency-proof", description = "Consistency proof (JSON) between the old and the new head")
    Path consistencyProof;

    public static void main(String... args) {
        System.exit(new CommandLine(new AuditVerifyCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        JsonWebKeySet jwks = new JsonWebKeySet(Files.readString(keys));
        Head head = Head.read(treeHead);
        Head old = oldTreeHead == null ? null : Head.read(oldTreeHead);
        List<String> failures = new ArrayList<>();
        checkSignature(head, jwks, "tree head", failures);
        if (old != null) {
            checkSignature(old, jwks, "old tree head", failures);
        }
        Replay replay = replay(head, old, failures);
        if (replay.count() < head.treeSize()) {
            failures.add("the export has " + replay.count() + " events; the tree head commits to " + head.treeSize());
        } else if (!Arrays.equals(replay.root(), head.rootHash())) {
            failures.add("the root of the first " + head.treeSize() + " exported events differs from the signed root:"
                    + " the export does not match the log the gateway signed");
        }
        if (old != null && replay.oldRoot() != null && !Arrays.equals(replay.oldRoot(), old.rootHash())) {
            failures.add("the first " + old.treeSize() + " events differ from what the old tree head signed:"
                    + " the log was changed after that head");
        }
        if (old != null && consistencyProof != null) {
            checkConsistency(old, head, failures);
        }
        if (!failures.isEmpty()) {
            failures.forEach(failure -> System.out.println("FAIL " + failure));
            return 1;
        }
        System.out.printf("OK %d events verified against the tree head of size %d signed at %s by key %s%n",
                replay.count(), head.treeSize(), head.timestamp(), head.keyId());
        return 0;
    }

    /** Recomputes leaf hashes (stopping at the first mismatch) and the roots at the heads' sizes. */
    private Replay replay(Head head, Head old, List<String> failures) throws IOException {
        List<byte[]> frontier = new ArrayList<>();
        List<Integer> levels = new ArrayList<>();
        byte[] root = null;
        byte[] oldRoot = null;
        long expected = 0;
        try (BufferedReader lines = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null && expected < head.treeSize(); line = lines.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                ObjectNode event = (ObjectNode) JSON.readTree(line);
                long seq = event.path("seq").asLong(-1);
                if (seq != expected) {
                    failures.add("event " + expected + " is missing from the export (found seq " + seq + ")");
                    return new Replay(expected, null, null);
                }
                String claimed = event.path("leafHash").asText();
                event.remove("leafHash");
                byte[] leaf = MerkleTree.leafHash(new JsonCanonicalizer(event.toString()).getEncodedUTF8());
                if (!Base64.getEncoder().encodeToString(leaf).equals(claimed)) {
                    failures.add("event " + seq + " (" + event.path("type").asText() + ") does not match its leaf hash:"
                            + " its content was changed after it was logged");
                    return new Replay(expected, null, null);
                }
                append(frontier, levels, leaf);
                expected++;
                if (old != null && expected == old.treeSize()) {
                    oldRoot = root(frontier);
                }
            }
        }
        if (expected > 0) {
            root = root(frontier);
        }
        return new Replay(expected, root, oldRoot);
    }

    /** Adds a leaf to a frontier of complete subtrees (largest first), merging equal-sized neighbours. */
    private static void append(List<byte[]> frontier, List<Integer> levels, byte[] leaf) {
        frontier.add(leaf);
        levels.add(0);
        while (levels.size() > 1 && levels.get(levels.size() - 1).equals(levels.get(levels.size() - 2))) {
            byte[] right = frontier.remove(frontier.size() - 1);
            byte[] left = frontier.remove(frontier.size() - 1);
            int level = levels.remove(levels.size() - 1);
            levels.remove(levels.size() - 1);
            frontier.add(MerkleTree.nodeHash(left, right));
            levels.add(level + 1);
        }
    }

    private static byte[] root(List<byte[]> frontier) {
        return MerkleTree.root(frontier);
    }

    private static void checkSignature(Head head, JsonWebKeySet jwks, String what, List<String> failures) {
        try {
            JsonWebKey key = jwks.findJsonWebKey(head.keyId(), null, null, null);
            if (key == null) {
                failures.add(what + ": key " + head.keyId() + " is not in the key set");
                return;
            }
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify((PublicKey) key.getKey());
            ed25519.update(TreeHead.noteBody(head.origin(), head.treeSize(), head.rootHash(), head.timestamp())
                    .getBytes(StandardCharsets.UTF_8));
            if (!ed25519.verify(head.signature())) {
                failures.add(what + ": the signature does not verify");
            }
        } catch (Exception e) {
            failures.add(what + ": the signature cannot be checked (" + e.getClass().getSimpleName() + ")");
        }
    }

    private void checkConsistency(Head old, Head head, List<String> failures) throws IOException {
        JsonNode proof = JSON.readTree(consistencyProof.toFile());
        List<byte[]> path = new ArrayList<>();
        proof.path("consistencyPath").forEach(hash -> path.add(Base64.getDecoder().decode(hash.asText())));
        if (proof.path("first").asLong() != old.treeSize() || proof.path("second").asLong() != head.treeSize()
                || !TreeVerification.consistency(old.treeSize(), head.treeSize(), old.rootHash(), head.rootHash(),
                        path)) {
            failures.add("the consistency proof does not show the old head's log as a prefix of the new one");
        }
    }

    private record Replay(long count, byte[] root, byte[] oldRoot) {
    }

    /** A tree head as {@code /v1/audit/tree-head} returns it. */
    record Head(String origin, long treeSize, byte[] rootHash, Instant timestamp, byte[] signature, String keyId) {

        static Head read(Path file) throws IOException {
            JsonNode head = JSON.readTree(file.toFile());
            return new Head(head.path("origin").asText(), head.path("treeSize").asLong(),
                    Base64.getDecoder().decode(head.path("rootHash").asText()),
                    Instant.parse(head.path("timestamp").asText()),
                    Base64.getDecoder().decode(head.path("signature").asText()), head.path("keyId").asText());
        }
    }
}
