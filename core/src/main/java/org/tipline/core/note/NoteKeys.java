package org.tipline.core.note;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** C2SP signed-note key identifiers: the first 4 bytes of SHA-256(name || 0x0A || 0x01 || Ed25519 public key). */
public final class NoteKeys {

    /** Signature algorithm byte of Ed25519 in signed notes. */
    static final byte ED25519 = 0x01;

    private NoteKeys() {
    }

    public static byte[] keyHash(String keyName, byte[] publicKey) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(keyName.getBytes(StandardCharsets.UTF_8));
        bytes.write('\n');
        bytes.write(ED25519);
        bytes.writeBytes(publicKey);
        return Arrays.copyOf(org.tipline.core.json.CanonicalJson.sha256(bytes.toByteArray()), 4);
    }

    /** The verifier key line of a signed note: {@code <name>+<hex key hash>+<base64(0x01 || key)>}. */
    public static String verifierKey(String keyName, byte[] publicKey) {
        byte[] typed = new byte[1 + publicKey.length];
        typed[0] = ED25519;
        System.arraycopy(publicKey, 0, typed, 1, publicKey.length);
        return keyName + "+" + java.util.HexFormat.of().formatHex(keyHash(keyName, publicKey)) + "+"
                + java.util.Base64.getEncoder().encodeToString(typed);
    }
}
