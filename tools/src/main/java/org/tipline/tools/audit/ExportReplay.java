package org.tipline.tools.audit;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.erdtman.jcs.JsonCanonicalizer;
import org.tipline.core.merkle.MerkleTree;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Replays an NDJSON export of the audit log in constant memory: recomputes each event's leaf hash from its content
 * (SHA-256 of 0x00 and its RFC 8785 canonical JSON without {@code leafHash}), checks it against the exported one,
 * folds the leaves into the tree's frontier and notes the root at each tree size asked for. Stops at the first event
 * that is missing, malformed or does not match, and says which.
 */
final class ExportReplay {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the replay found: events replayed, roots at the sizes asked for, and the first problem (or null). */
    record Result(long count, Map<Long, byte[]> roots, String problem) {
    }

    private final List<byte[]> frontier = new ArrayList<>();
    private final List<Integer> levels = new ArrayList<>();
    private final Map<Long, byte[]> roots = new HashMap<>();

    private ExportReplay() {
    }

    /** Replays the first {@code upTo} events of {@code export}, noting the roots at {@code sizes}. */
    static Result replay(Path export, long upTo, Set<Long> sizes) throws IOException {
        return new ExportReplay().run(export, upTo, sizes);
    }

    private Result run(Path export, long upTo, Set<Long> sizes) throws IOException {
        long count = 0;
        try (BufferedReader lines = Files.newBufferedReader(export, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null && count < upTo; line = lines.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                String problem = check(line, count);
                if (problem != null) {
                    return new Result(count, roots, problem);
                }
                count++;
                if (sizes.contains(count)) {
                    roots.put(count, MerkleTree.root(frontier));
                }
            }
        }
        return new Result(count, roots, null);
    }

    /** Null if the line is event {@code expected} and its leaf hash matches its content; else what is wrong. */
    private String check(String line, long expected) {
        ObjectNode event;
        try {
            JsonNode parsed = JSON.readTree(line);
            if (!(parsed instanceof ObjectNode object)) {
                return "event " + expected + " is not a JSON object in the export";
            }
            event = object;
        } catch (JsonProcessingException e) {
            return "event " + expected + " is not valid JSON in the export";
        }
        long seq = event.path("seq").asLong(-1);
        if (seq != expected) {
            return "event " + expected + " is missing from the export (the next line has seq " + seq + ")";
        }
        String claimed = event.path("leafHash").asText();
        event.remove("leafHash");
        byte[] leaf;
        try {
            leaf = MerkleTree.leafHash(new JsonCanonicalizer(event.toString()).getEncodedUTF8());
        } catch (IOException e) {
            return "event " + seq + " cannot be canonicalized";
        }
        if (!Base64.getEncoder().encodeToString(leaf).equals(claimed)) {
            return "event " + seq + " (" + event.path("type").asText() + ") does not match its leaf hash: its content"
                    + " was changed after it was logged";
        }
        append(leaf);
        return null;
    }

    /** Adds a leaf to the frontier of complete subtrees (largest first), merging equal-sized neighbours. */
    private void append(byte[] leaf) {
        frontier.add(leaf);
        levels.add(0);
        int last = levels.size() - 1;
        while (last > 0 && levels.get(last).equals(levels.get(last - 1))) {
            byte[] right = frontier.remove(last);
            byte[] left = frontier.remove(last - 1);
            int level = levels.remove(last);
            levels.remove(last - 1);
            frontier.add(MerkleTree.nodeHash(left, right));
            levels.add(level + 1);
            last = levels.size() - 1;
        }
    }
}
