package org.tipline.core.envelope;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;

import org.erdtman.jcs.JsonCanonicalizer;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwe.ContentEncryptionAlgorithmIdentifiers;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwe.KeyManagementAlgorithmIdentifiers;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Opens a verified envelope (schema version 2) with the destination's private key: decrypts {@code sealed} (JWE,
 * ECDH-ES with P-256, A256GCM, type {@link Typ#SEALED}), checks that the plaintext is what {@code contentDigest}
 * names, and returns the envelope with the plaintext's fields ({@code platformId}, {@code report}, {@code files})
 * in place of {@code sealed}. Verify the signature first: opening proves nothing about who sent it. Fails with an
 * {@link IOException} saying what is wrong, never with the content.
 */
public final class EnvelopeOpener {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, PublicJsonWebKey> keys;

    /**
     * An opener with the destination's private JWKS: every private key of {@code use: enc} in it opens what was
     * sealed to it (by key id), so a receiver rotating its key keeps the old one until the topics' retention passed.
     */
    public EnvelopeOpener(JsonWebKeySet privateKeys) {
        this.keys = privateKeys.getJsonWebKeys().stream().filter(PublicJsonWebKey.class::isInstance)
                .map(PublicJsonWebKey.class::cast)
                .filter(k -> "enc".equals(k.getUse()) && k.getPrivateKey() != null && k.getKeyId() != null)
                .collect(java.util.stream.Collectors.toUnmodifiableMap(JsonWebKey::getKeyId, k -> k));
        if (keys.isEmpty()) {
            throw new IllegalArgumentException("opening needs a private key of use enc with a key id");
        }
    }

    public ObjectNode open(JsonNode envelope) throws IOException {
        if (!(envelope instanceof ObjectNode clear) || !envelope.path("sealed").isTextual()) {
            throw new IOException("not a sealed envelope");
        }
        byte[] plaintext;
        try {
            JsonWebEncryption jwe = new JsonWebEncryption();
            jwe.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                    KeyManagementAlgorithmIdentifiers.ECDH_ES));
            jwe.setContentEncryptionAlgorithmConstraints(new AlgorithmConstraints(
                    AlgorithmConstraints.ConstraintType.PERMIT, ContentEncryptionAlgorithmIdentifiers.AES_256_GCM));
            jwe.setCompactSerialization(envelope.path("sealed").asText());
            if (!Typ.SEALED.equals(jwe.getHeader("typ"))) {
                throw new IOException("the sealed content is not of type " + Typ.SEALED);
            }
            PublicJsonWebKey key = keys.get(jwe.getKeyIdHeaderValue());
            if (key == null) {
                throw new IOException("sealed to a key this receiver does not hold");
            }
            jwe.setKey(key.getPrivateKey());
            plaintext = jwe.getPlaintextBytes();
        } catch (JoseException e) {
            throw new IOException("the sealed content cannot be opened with this key", e);
        }
        if (!sha256Hex(plaintext).equals(envelope.path("contentDigest").asText())) {
            throw new IOException("the sealed content does not match its contentDigest");
        }
        JsonNode content = JSON.readTree(plaintext);
        ObjectNode opened = clear.deepCopy();
        opened.remove("sealed");
        for (Iterator<Map.Entry<String, JsonNode>> fields = content.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            opened.set(field.getKey(), field.getValue());
        }
        return opened;
    }

    /** SHA-256 (lower-case hex) of {@code bytes}: how {@code contentDigest} names the canonical sealed content. */
    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The canonical bytes of a JSON value, as sealed. */
    public static byte[] canonical(JsonNode content) throws IOException {
        return new JsonCanonicalizer(content.toString()).getEncodedUTF8();
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
