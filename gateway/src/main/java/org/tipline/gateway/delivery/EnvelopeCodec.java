package org.tipline.gateway.delivery;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.inject.Singleton;

import org.tipline.core.envelope.Typ;
import org.tipline.core.json.CanonicalJson;
import org.tipline.core.json.CanonicalObject;
import org.tipline.gateway.platform.crypto.SigningKeys;

/**
 * Turns envelopes into Kafka record values (UTF-8 JSON, schema version 2): {@code platformId}, {@code report} and
 * {@code files} are sealed to the destination's key (JWE compact, ECDH-ES on P-256 with A256GCM, a fresh ephemeral
 * key per message); in clear stay the routing fields, {@code contentDigest} (SHA-256 of the sealed canonical
 * plaintext) and {@code fileDigests}; the gateway's detached signature (type {@code tipline-envelope+jws}) covers
 * all of it, ciphertext included. Both the plaintext and the signed envelope are assembled canonically from their
 * parts (the report is canonical as stored), never parsed again.
 */
@Singleton
public class EnvelopeCodec {

    private static final Map<String, String> SEALED_HEADERS = Map.of("typ", Typ.SEALED, "cty", "application/json");

    private final SigningKeys signing;
    private final DestinationKeys destinations;

    EnvelopeCodec(SigningKeys signing, DestinationKeys destinations) {
        this.signing = signing;
        this.destinations = destinations;
    }

    /** The record value of {@code envelope}. */
    public byte[] encode(Envelope envelope) {
        byte[] plaintext = new CanonicalObject().string("platformId", envelope.platformId())
                .raw("report", envelope.report().canonicalBytes()).raw("files", files(envelope.files()))
                .toBytes();
        CanonicalObject wire = new CanonicalObject().number("schemaVersion", Envelope.SCHEMA_VERSION)
                .string("messageId", envelope.messageId().toString()).string("kind", envelope.kind().name())
                .string("reportId", envelope.reportId().toString()).string("destination", envelope.destination())
                .string("priority", envelope.priority().name())
                .optionalString("submittedAt", envelope.submittedAt() == null
                        ? null
                        : envelope.submittedAt().toString())
                .string("contentDigest", HexFormat.of().formatHex(CanonicalJson.sha256(plaintext)))
                .strings("fileDigests", envelope.files().stream().map(Envelope.FileReference::sha256).toList())
                .string("sealed", destinations.sealer(envelope.destination()).seal(plaintext, SEALED_HEADERS));
        String signature = signing.signDetached(wire.toBytes(), Typ.ENVELOPE);
        return wire.string("signature", signature).toBytes();
    }

    /** The canonical array of the file references (details as the platform set them, when it did). */
    private static byte[] files(List<Envelope.FileReference> files) {
        List<byte[]> elements = new ArrayList<>(files.size());
        for (Envelope.FileReference file : files) {
            CanonicalObject element = new CanonicalObject().string("fileId", file.fileId().toString())
                    .number("sizeBytes", file.sizeBytes()).optionalString("sha256", file.sha256())
                    .optionalString("md5", file.md5()).optionalString("mediaType", file.mediaType())
                    .optionalString("href", file.href());
            if (file.details() != null) {
                element.raw("details", file.details().canonicalBytes());
            }
            elements.add(element.toBytes());
        }
        return CanonicalObject.array(elements);
    }
}
