package org.tipline.tools.audit;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.lang.JoseException;
import org.tipline.core.merkle.TreeVerification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The auditor's offline verifier. Given an export of the log (NDJSON from {@code /v1/audit/export}), a signed tree head
 * ({@code /v1/audit/tree-head}, JSON or checkpoint) and the gateway's public keys ({@code /v1/keys}), it recomputes
 * every event's leaf hash from its content and the tree's root, and checks the head's Ed25519 signature; with an older
 * saved head it checks that head too, that the export's first events still give its root, and a consistency proof
 * between the two. It names the first event that does not match and exits 1 on any mismatch, 2 on unusable input.
 * Memory stays constant whatever the size of the export.
 */
@Command(name = "tipline-audit-verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Verify an exported audit log against signed tree heads, offline.")
public class AuditVerifyCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Option(names = "--export", required = true, description = "NDJSON export of the log, from event 0")
    Path export;

    @Option(names = "--tree-head", required = true, description = "A signed tree head (JSON or checkpoint)")
    Path treeHead;

    @Option(names = "--keys", required = true, description = "The gateway's JWKS (GET /v1/keys)")
    Path keys;

    @Option(names = "--old-tree-head", description = "An older saved tree head to check against the new one")
    Path oldTreeHead;

    @Option(names = "--consistency-proof",
            description = "Consistency proof (JSON of /v1/audit/proofs/consistency) from the old head to the new one")
    Path consistencyProof;

    public static void main(String... args) {
        System.exit(new CommandLine(new AuditVerifyCommand()).execute(args));
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            List<String> failures = verify();
            failures.forEach(failure -> out.println("FAIL " + failure));
            out.flush();
            return failures.isEmpty() ? 0 : 1;
        } catch (IOException | JoseException e) {
            spec.commandLine().getErr().println("Cannot verify: " + e.getMessage());
            return 2;
        }
    }

    private List<String> verify() throws IOException, JoseException {
        JsonWebKeySet jwks = new JsonWebKeySet(Files.readString(keys));
        SavedTreeHead head = SavedTreeHead.read(treeHead);
        SavedTreeHead old = oldTreeHead == null ? null : SavedTreeHead.read(oldTreeHead);
        List<String> failures = new ArrayList<>();
        signature(head, jwks, "tree head", failures);
        Set<Long> sizes = new HashSet<>(List.of(head.treeSize()));
        if (old != null) {
            signature(old, jwks, "old tree head", failures);
            sizes.add(old.treeSize());
        }
        ExportReplay.Result replay = ExportReplay.replay(export, head.treeSize(), sizes);
        if (replay.problem() != null) {
            failures.add(replay.problem());
        } else if (replay.count() < head.treeSize()) {
            failures.add("the export has " + replay.count() + " events; the tree head commits to " + head.treeSize());
        } else {
            root(head, replay, "the root of the first %d exported events differs from the signed root: the export"
                    + " does not match the log the gateway signed", failures);
            if (old != null) {
                root(old, replay, "the first %d events differ from what the old tree head signed: the log was"
                        + " changed after that head", failures);
            }
        }
        if (old != null && consistencyProof != null) {
            consistency(old, head, failures);
        }
        if (failures.isEmpty()) {
            spec.commandLine().getOut().printf("OK %d events verified against the tree head of size %d signed at %s"
                    + " by %s%n", replay.count(), head.treeSize(), head.timestamp(), head.signer());
        }
        return failures;
    }

    private static void signature(SavedTreeHead head, JsonWebKeySet jwks, String what, List<String> failures) {
        String problem = head.signatureProblem(jwks);
        if (problem != null) {
            failures.add(what + ": " + problem);
        }
    }

    private static void root(SavedTreeHead head, ExportReplay.Result replay, String message, List<String> failures) {
        if (!Arrays.equals(replay.roots().get(head.treeSize()), head.rootHash())) {
            failures.add(String.format(message, head.treeSize()));
        }
    }

    private void consistency(SavedTreeHead old, SavedTreeHead head, List<String> failures) throws IOException {
        JsonNode proof = JSON.readTree(consistencyProof.toFile());
        List<byte[]> path = new ArrayList<>();
        proof.path("consistencyPath").forEach(hash -> path.add(Base64.getDecoder().decode(hash.asText())));
        if (proof.path("first").asLong() != old.treeSize() || proof.path("second").asLong() != head.treeSize()
                || !TreeVerification.consistency(old.treeSize(), head.treeSize(), old.rootHash(), head.rootHash(),
                        path)) {
            failures.add("the consistency proof does not show the old head's log as a prefix of the new one");
        }
    }
}
