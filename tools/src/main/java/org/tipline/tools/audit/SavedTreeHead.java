package org.tipline.tools.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.OctetKeyPairJsonWebKey;
import org.tipline.core.note.NoteKeys;
import org.tipline.core.note.TreeHead;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A tree head an auditor saved: the JSON of {@code GET /v1/audit/tree-head} or its C2SP signed-note checkpoint
 * ({@code Accept: text/plain}). It knows the exact bytes that were signed and finds its key in the gateway's JWKS by key
 * id (JSON) or by signed-note key hash (checkpoint). Reading fails with an {@link IOException} naming what is wrong.
 */
record SavedTreeHead(String origin, long treeSize, byte[] rootHash, Instant timestamp, byte[] signature,
        String keyId, String keyName, byte[] keyHash) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SIGNATURE_LINE = "\u2014 ";

    static SavedTreeHead read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try {
            return text.stripLeading().startsWith("{") ? fromJson(JSON.readTree(text)) : fromCheckpoint(text);
        } catch (RuntimeException e) {
            throw new IOException(file + " is not a tree head (JSON or checkpoint): " + e.getMessage(), e);
        }
    }

    private static SavedTreeHead fromJson(JsonNode head) {
        return new SavedTreeHead(text(head, "origin"), head.path("treeSize").asLong(-1),
                Base64.getDecoder().decode(text(head, "rootHash")), Instant.parse(text(head, "timestamp")),
                Base64.getDecoder().decode(text(head, "signature")), text(head, "keyId"), null, null);
    }

    /** Parses {@code origin\nsize\nroot\ntimestamp <ms>\n\n— <name> <base64(key hash || signature)>\n}. */
    private static SavedTreeHead fromCheckpoint(String note) {
        int end = note.indexOf("\n\n");
        if (end < 0) {
            throw new IllegalArgumentException("no blank line between the body and the signatures");
        }
        List<String> body = note.substring(0, end).lines().toList();
        if (body.size() != 4 || !body.get(3).startsWith("timestamp ")) {
            throw new IllegalArgumentException("the body is not origin, size, root hash and timestamp");
        }
        String line = note.substring(end + 2).lines().filter(l -> l.startsWith(SIGNATURE_LINE)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no signature line"));
        String[] nameAndSignature = line.substring(SIGNATURE_LINE.length()).split(" ");
        byte[] signed = Base64.getDecoder().decode(nameAndSignature[1]);
        return new SavedTreeHead(body.get(0), Long.parseLong(body.get(1)), Base64.getDecoder().decode(body.get(2)),
                Instant.ofEpochMilli(Long.parseLong(body.get(3).substring("timestamp ".length()))),
                Arrays.copyOfRange(signed, 4, signed.length), null, nameAndSignature[0], Arrays.copyOf(signed, 4));
    }

    private static String text(JsonNode head, String field) {
        JsonNode value = head.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("no " + field);
        }
        return value.asText();
    }

    /** The signed bytes: the checkpoint body. */
    byte[] signedBytes() {
        return TreeHead.noteBody(origin, treeSize, rootHash, timestamp).getBytes(StandardCharsets.UTF_8);
    }

    /** Null if the signature verifies with a key of {@code jwks}, else why not. */
    String signatureProblem(JsonWebKeySet jwks) {
        JsonWebKey key = keyIn(jwks);
        if (key == null) {
            return "its signing key is not in the key set";
        }
        try {
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify((PublicKey) key.getKey());
            ed25519.update(signedBytes());
            return ed25519.verify(signature) ? null : "the signature does not verify";
        } catch (GeneralSecurityException | ClassCastException e) {
            return "the signature cannot be checked (" + e.getClass().getSimpleName() + ")";
        }
    }

    /** Who signed, for the report. */
    String signer() {
        return keyId != null ? "key " + keyId : "note key " + keyName;
    }

    private JsonWebKey keyIn(JsonWebKeySet jwks) {
        if (keyId != null) {
            return jwks.findJsonWebKey(keyId, null, null, null);
        }
        return jwks.getJsonWebKeys().stream().filter(OctetKeyPairJsonWebKey.class::isInstance)
                .filter(k -> Arrays.equals(NoteKeys.keyHash(keyName, rawKey((OctetKeyPairJsonWebKey) k)), keyHash))
                .findFirst().orElse(null);
    }

    private static byte[] rawKey(OctetKeyPairJsonWebKey key) {
        byte[] encoded = key.getPublicKey().getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    }
}
