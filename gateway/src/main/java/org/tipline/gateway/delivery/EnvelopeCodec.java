package org.tipline.gateway.delivery;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import jakarta.inject.Singleton;

import org.jose4j.jwe.ContentEncryptionAlgorithmIdentifiers;
import org.jose4j.jwe.JsonWebEncryption;
import org.jose4j.jwe.KeyManagementAlgorithmIdentifiers;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;
import org.tipline.core.envelope.Typ;
import org.tipline.core.json.CanonicalJson;
import org.tipline.gateway.platform.crypto.FastP256;
import org.tipline.gateway.platform.crypto.KeyMaterialException;
import org.tipline.gateway.platform.crypto.SigningKeys;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns envelopes into Kafka record values (UTF-8 JSON, schema version 2): {@code platformId}, {@code report} and
 * {@code files} are sealed to the destination's key (JWE compact, ECDH-ES on P-256 with A256GCM, a fresh ephemeral
 * key per message); in clear stay the routing fields, {@code contentDigest} (SHA-256 of the sealed canonical
 * plaintext) and {@code fileDigests}; the gateway's detached signature (type {@code tipline-envelope+jws}) covers
 * all of it, ciphertext included.
 */
@Singleton
public class EnvelopeCodec {

    private final ObjectMapper json;
    private final SigningKeys signing;
    private final DestinationKeys destinations;

    EnvelopeCodec(ObjectMapper json, SigningKeys signing, DestinationKeys destinations) {
        this.json = json;
        this.signing = signing;
        this.destinations = destinations;
    }

    /** The record value of {@code envelope}. */
    public byte[] encode(Envelope envelope) {
        try {
            ObjectNode content = json.createObjectNode();
            content.put("platformId", envelope.platformId());
            content.set("report", envelope.report());
            content.set("files", json.valueToTree(envelope.files()));
            byte[] plaintext = CanonicalJson.canonicalize(json.writeValueAsString(content));
            ObjectNode wire = json.createObjectNode();
            wire.put("schemaVersion", Envelope.SCHEMA_VERSION);
            wire.put("messageId", envelope.messageId().toString());
            wire.put("kind", envelope.kind().name());
            wire.put("reportId", envelope.reportId().toString());
            wire.put("destination", envelope.destination());
            wire.put("priority", envelope.priority().name());
            if (envelope.submittedAt() != null) {
                wire.put("submittedAt", envelope.submittedAt().toString());
            }
            wire.put("contentDigest", HexFormat.of().formatHex(CanonicalJson.sha256(plaintext)));
            ArrayNode digests = wire.putArray("fileDigests");
            envelope.files().forEach(file -> digests.add(file.sha256()));
            wire.put("sealed", seal(plaintext, destinations.sealingKey(envelope.destination())));
            wire.put("signature", signing.signDetached(CanonicalJson.canonicalize(json.writeValueAsString(wire)),
                    Typ.ENVELOPE));
            return json.writeValueAsString(wire).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("An envelope could not be serialized", e);
        }
    }

    private static String seal(byte[] plaintext, PublicJsonWebKey key) {
        JsonWebEncryption jwe = new JsonWebEncryption();
        jwe.setAlgorithmHeaderValue(KeyManagementAlgorithmIdentifiers.ECDH_ES);
        jwe.setEncryptionMethodHeaderParameter(ContentEncryptionAlgorithmIdentifiers.AES_256_GCM);
        jwe.setKeyIdHeaderValue(key.getKeyId());
        jwe.setHeader("typ", Typ.SEALED);
        jwe.setContentTypeHeaderValue("application/json");
        jwe.setPlaintext(plaintext);
        jwe.setKey(key.getPublicKey());
        jwe.setProviderContext(FastP256.ecdhEs());
        try {
            return jwe.getCompactSerialization();
        } catch (JoseException e) {
            throw new KeyMaterialException("An envelope could not be sealed to its destination's key", e);
        }
    }
}
