package org.tipline.core.envelope;

import java.io.IOException;

import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Signs a receiver's acknowledgement for the Kafka acks topic: a compact JWS (EdDSA, type {@link Typ#ACK}) whose
 * payload is the RFC 8785 canonical JSON of the acknowledgement, with the destination's signing key. The gateway
 * applies an acknowledgement from Kafka only when it verifies with a key registered for its destination.
 */
public final class AckSigner {

    private final PublicJsonWebKey key;

    /** A signer with the destination's private signing key ({@code use: sig}, Ed25519). */
    public AckSigner(PublicJsonWebKey key) {
        if (key.getPrivateKey() == null) {
            throw new IllegalArgumentException("signing needs the private key");
        }
        this.key = key;
    }

    /** The record value for {@code ack}: {@code <header>.<payload>.<signature>}. */
    public String sign(ObjectNode ack) throws IOException {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.EDDSA);
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setHeader("typ", Typ.ACK);
        jws.setPayloadBytes(EnvelopeOpener.canonical(ack));
        jws.setKey(key.getPrivateKey());
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IOException("The acknowledgement could not be signed", e);
        }
    }
}
