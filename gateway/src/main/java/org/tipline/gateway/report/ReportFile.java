package org.tipline.gateway.report;

import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.tipline.gateway.delivery.MessageSize;
import org.tipline.gateway.kernel.ReportCodes.FileAnnotation;
import org.tipline.gateway.kernel.ReportCodes.FileRelevance;
import org.tipline.gateway.kernel.ReportDocument;

/**
 * An evidence file of a report: its digests and the detail facts the batched-mode rule reads.
 *
 * @param detailsBytes size of the stored (encrypted) file details, 0 when the platform set none: an upper bound of
 *        what they add to an envelope
 * @param afterSubmission uploaded after the report was submitted: forwarded with a supplement, not the report
 * @param additionId the supplement that carried it, once one did
 */
public record ReportFile(UUID id, UUID reportId, long sizeBytes, byte[] md5, byte[] sha1, byte[] sha256,
        String mediaType, String contentKeyId, Instant uploadedAt, FileRelevance relevance,
        Set<FileAnnotation> annotations, int detailsBytes, boolean afterSubmission, UUID additionId) {

    public ReportFile {
        annotations = Set.copyOf(annotations);
    }

    /** What a message carrying {@code document} and {@code files} weighs, for delivery's size bound. */
    static MessageSize sizeOf(ReportDocument document, List<ReportFile> files) {
        return new MessageSize(document.length(), files.stream().map(ReportFile::detailsBytes)
                .toList());
    }

    public boolean hasDetails() {
        return detailsBytes > 0;
    }

    public String sha256Hex() {
        return HexFormat.of().formatHex(sha256);
    }

    public String md5Hex() {
        return HexFormat.of().formatHex(md5);
    }

    public String sha1Hex() {
        return HexFormat.of().formatHex(sha1);
    }
}
