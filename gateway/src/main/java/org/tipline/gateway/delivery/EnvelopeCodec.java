package org.tipline.gateway.delivery;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import jakarta.inject.Singleton;

import org.tipline.core.json.CanonicalJson;
import org.tipline.gateway.platform.crypto.SigningKeys;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Signs envelopes and turns them into Kafka record values (UTF-8 JSON). */
@Singleton
public class EnvelopeCodec {

    private final ObjectMapper json;
    private final SigningKeys keys;

    EnvelopeCodec(ObjectMapper json, SigningKeys keys) {
        this.json = json;
        this.keys = keys;
    }

    /** The record value: the envelope with its signature over the canonical form of everything else. */
    public byte[] encode(Envelope unsigned) {
        try {
            byte[] canonical = CanonicalJson.canonicalize(json.writeValueAsString(unsigned.withSignature(null)));
            return json.writeValueAsString(unsigned.withSignature(keys.signDetached(canonical)))
                    .getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("An envelope could not be serialized", e);
        }
    }
}
