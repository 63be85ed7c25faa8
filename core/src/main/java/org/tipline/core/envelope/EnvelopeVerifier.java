package org.tipline.core.envelope;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.erdtman.jcs.JsonCanonicalizer;
import org.jose4j.base64url.Base64Url;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Checks that an envelope was sent by the gateway, as a receiver would, knowing only the gateway's public keys: the
 * {@code signature} is a detached EdDSA JWS of type {@link Typ#ENVELOPE} over the RFC 8785 canonical JSON of the
 * envelope without it. A signature of another type (a receipt's, say) never verifies an envelope.
 */
public final class EnvelopeVerifier {

    private final JsonWebKeySet keys;

    public EnvelopeVerifier(JsonWebKeySet keys) {
        this.keys = keys;
    }

    /** A verifier with the keys published at {@code <gateway>/v1/keys}. */
    public static EnvelopeVerifier fromGateway(URI gateway) throws IOException, InterruptedException, JoseException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(gateway.resolve(
                "/v1/keys")).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET /v1/keys answered " + response.statusCode());
        }
        return new EnvelopeVerifier(new JsonWebKeySet(response.body()));
    }

    /** Whether {@code envelope} carries a valid envelope signature by one of the keys. */
    public boolean verify(JsonNode envelope) {
        if (!(envelope instanceof ObjectNode)) {
            return false;
        }
        String signature = envelope.path("signature").asText("");
        String[] parts = signature.split("\\.", -1);
        if (parts.length != 3 || !parts[1].isEmpty()) {
            return false;
        }
        try {
            ObjectNode unsigned = ((ObjectNode) envelope).deepCopy();
            unsigned.remove("signature");
            byte[] canonical = new JsonCanonicalizer(unsigned.toString()).getEncodedUTF8();
            JsonWebSignature jws = new JsonWebSignature();
            jws.setAlgorithmConstraints(new AlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT,
                    AlgorithmIdentifiers.EDDSA));
            // A detached JWS leaves the payload out: put the base64url of the canonical envelope back in its place.
            jws.setCompactSerialization(parts[0] + "." + Base64Url.encode(canonical) + "." + parts[2]);
            JsonWebKey key = keys.findJsonWebKey(jws.getKeyIdHeaderValue(), null, null, null);
            if (key == null || !Typ.ENVELOPE.equals(jws.getHeader("typ"))) {
                return false;
            }
            jws.setKey(key.getKey());
            return jws.verifySignature();
        } catch (JoseException | IOException | RuntimeException e) {
            return false;
        }
    }
}
