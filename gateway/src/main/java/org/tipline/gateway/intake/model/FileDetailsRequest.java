package org.tipline.gateway.intake.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.tipline.gateway.intake.validation.ValidFileDetails;
import org.tipline.gateway.intake.validation.WebUrl;
import org.tipline.gateway.kernel.ReportCodes.FileAnnotation;
import org.tipline.gateway.kernel.ReportCodes.FileRelevance;
import org.tipline.gateway.kernel.ReportCodes.IndustryClassification;
import org.tipline.gateway.kernel.ReportCodes.MetadataType;
import org.tipline.gateway.kernel.ReportCodes.UkCategory;
import org.tipline.gateway.platform.validation.InPast;

/**
 * Details of one evidence file (REPORT-MODEL.md, "files and file details"). {@code viewedByPlatform} is true iff a
 * person at the platform reviewed this exact file, which decides what law enforcement may view without a warrant.
 */
@ValidFileDetails
public record FileDetailsRequest(@Size(max = 2056) String originalFileName, @WebUrl String locationOfFile,
        @InPast OffsetDateTime uploadedToPlatformAt, Boolean viewedByPlatform, Boolean exifViewedByPlatform,
        Boolean publiclyAvailable, FileRelevance relevance, Set<@NotNull FileAnnotation> annotations,
        IndustryClassification industryClassification, UkCategory ukCategory,
        @Size(max = Limits.ITEMS) List<@NotNull @Valid Hash> originalHashes, @Valid IpCaptureEvent uploadIpEvent,
        @Size(max = Limits.ITEMS) List<@NotNull @Valid DeviceId> deviceIds,
        @Size(max = Limits.ITEMS) List<@NotNull @Valid Metadata> metadata,
        @Size(max = Limits.ITEMS) List<@NotNull @Size(max = Limits.TEXT) String> additionalInfo,
        @Valid SyntheticMedia syntheticMedia) {

    /** The relevance, REPORTED when not given. */
    public FileRelevance effectiveRelevance() {
        return relevance == null ? FileRelevance.REPORTED : relevance;
    }

    /** File metadata of one type, as name-value pairs. */
    public record Metadata(@NotNull MetadataType type,
            @NotNull @Size(min = 1, max = Limits.MANY_ITEMS) List<@NotNull @Valid NameValue> pairs) {
    }

    /** One metadata entry. */
    public record NameValue(@NotNull @Size(max = 1024) String name, @NotNull @Size(max = 10_000) String value) {
    }
}
