package org.tipline.gateway.delivery;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;
import org.tipline.core.envelope.Typ;
import org.tipline.gateway.platform.errors.MalformedRequestException;

/**
 * An acknowledgement as it arrives on Kafka: a compact JWS whose payload is the acknowledgement's JSON. The payload
 * is read before the signature is checked only to know which destination's keys must verify it.
 */
final class SignedAck {

    private static final AlgorithmConstraints ALGORITHMS = new AlgorithmConstraints(
            AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.EDDSA,
            AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);

    private final JsonWebSignature jws;
    private final byte[] payload;

    private SignedAck(JsonWebSignature jws, byte[] payload) {
        this.jws = jws;
        this.payload = payload;
    }

    /** Reads the record value; {@link MalformedRequestException} when it is not a compact JWS. */
    static SignedAck parse(byte[] value) {
        try {
            JsonWebSignature jws = new JsonWebSignature();
            jws.setAlgorithmConstraints(ALGORITHMS);
            jws.setCompactSerialization(new String(value, StandardCharsets.US_ASCII).trim());
            return new SignedAck(jws, jws.getUnverifiedPayloadBytes());
        } catch (JoseException | RuntimeException e) {
            throw new MalformedRequestException("not a signed acknowledgement", List.of());
        }
    }

    /** The acknowledgement's JSON, not yet verified. */
    byte[] payload() {
        return payload;
    }

    /** Null when the signature verifies with one of {@code keys} and is of the acknowledgement type; else why not. */
    String refusal(Optional<JsonWebKeySet> keys) {
        if (keys.isEmpty()) {
            return "NO_REGISTERED_KEY";
        }
        if (!Typ.ACK.equals(jws.getHeader("typ"))) {
            return "WRONG_TYPE";
        }
        JsonWebKey key = keys.get().findJsonWebKey(jws.getKeyIdHeaderValue(), null, "sig", null);
        if (key == null) {
            return "UNKNOWN_KEY";
        }
        try {
            jws.setKey(key.getKey());
            return jws.verifySignature() ? null : "BAD_SIGNATURE";
        } catch (JoseException e) {
            return "BAD_SIGNATURE";
        }
    }
}
