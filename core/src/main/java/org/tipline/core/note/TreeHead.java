package org.tipline.core.note;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * A signed tree head: the log's commitment to its first {@code treeSize} events. The signed bytes are the body of a
 * C2SP signed-note checkpoint ({@code origin}, size, base64 root hash, and a {@code timestamp <unix ms>} extension
 * line), so existing transparency-log tooling can verify it.
 */
public record TreeHead(String origin, long treeSize, byte[] rootHash, Instant timestamp, String keyId,
        byte[] signature) {

    /** The checkpoint body, the exact bytes signed. */
    public String noteBody() {
        return noteBody(origin, treeSize, rootHash, timestamp);
    }

    public static String noteBody(String origin, long treeSize, byte[] rootHash, Instant timestamp) {
        return origin + "\n" + treeSize + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n" + "timestamp "
                + timestamp.toEpochMilli() + "\n";
    }

    /** The full signed note: body, blank line, and the signature line for key {@code keyName}. */
    public String checkpoint(String keyName, byte[] publicKey) {
        byte[] keyHash = NoteKeys.keyHash(keyName, publicKey);
        byte[] keyHashAndSignature = new byte[4 + signature.length];
        System.arraycopy(keyHash, 0, keyHashAndSignature, 0, 4);
        System.arraycopy(signature, 0, keyHashAndSignature, 4, signature.length);
        return noteBody() + "\n\u2014 " + keyName + " " + Base64.getEncoder().encodeToString(keyHashAndSignature)
                + "\n";
    }

    /** The note body in UTF-8. */
    public byte[] signedBytes() {
        return noteBody().getBytes(StandardCharsets.UTF_8);
    }
}
