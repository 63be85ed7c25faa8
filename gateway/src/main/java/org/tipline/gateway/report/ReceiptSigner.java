package org.tipline.gateway.report;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Singleton;

import org.tipline.core.envelope.Typ;
import org.tipline.core.json.CanonicalJson;
import org.tipline.gateway.platform.crypto.SigningKeys;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Signs receipts: a compact JWS (EdDSA) whose payload is the RFC 8785 canonical JSON of
 * {@code {reportId, platformId, submittedAt, contentDigest, files: [{fileId, sha256}], destinations}}, digests in
 * lower-case hex. Verifiable with {@code /v1/keys} alone.
 */
@Singleton
public class ReceiptSigner {

    private final SigningKeys keys;
    private final ObjectMapper json;

    ReceiptSigner(SigningKeys keys, ObjectMapper json) {
        this.keys = keys;
        this.json = json;
    }

    /** The receipt's payload. */
    public record Payload(UUID reportId, String platformId, Instant submittedAt, String contentDigest,
            List<FileEntry> files, List<String> destinations) {
    }

    /** One file named by a receipt. */
    public record FileEntry(UUID fileId, String sha256) {
    }

    public String sign(Report report, byte[] contentDigest, List<ReportFile> files, List<String> destinations) {
        Payload payload = new Payload(report.id(), report.platformId(), report.submittedAt(),
                HexFormat.of().formatHex(contentDigest),
                files.stream().map(f -> new FileEntry(f.id(), f.sha256Hex())).toList(), destinations);
        return keys.sign(CanonicalJson.canonicalize(json.valueToTree(payload)), Typ.RECEIPT);
    }
}
