package org.tipline.gateway.intake.model;

import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.tipline.gateway.intake.validation.WebUrl;
import org.tipline.gateway.kernel.ReportCodes.DepictsRealPerson;
import org.tipline.gateway.kernel.ReportCodes.SyntheticAssessment;
import org.tipline.gateway.kernel.ReportCodes.SyntheticBasis;
import org.tipline.gateway.kernel.ReportCodes.SyntheticMethod;

/**
 * What investigators need to tell AI-generated and AI-altered imagery apart: whether it is synthetic and on what
 * basis, how it was made, whether it depicts a real person, the source image it was made from, the generator, the
 * prompts, and whether it was sold.
 */
public record SyntheticMedia(@NotNull SyntheticAssessment assessment,
        @Size(max = 10) Set<@NotNull SyntheticBasis> basis, SyntheticMethod method,
        DepictsRealPerson depictsRealPerson, Boolean photorealistic, @Valid SourceImage sourceImage,
        @Valid Generator generator, @Size(max = Limits.ITEMS) List<@NotNull @Size(max = 10_000) String> prompts,
        @Valid Commercial commercial) {

    /** The non-abusive original that was altered. */
    public record SourceImage(@WebUrl String url, @Size(max = Limits.ITEMS) List<@NotNull @Valid Hash> hashes) {
    }

    /** The model or tool that made the imagery. */
    public record Generator(@Size(max = 256) String name, @Size(max = 100) String version,
            @Size(max = 256) String modelHash, @WebUrl String url) {
    }

    /** Whether and where the imagery was sold. */
    public record Commercial(Boolean sold, @Size(max = Limits.ITEMS) List<@NotNull @WebUrl String> storefrontUrls,
            @Size(max = Limits.ITEMS) List<@NotNull @Size(max = 255) String> paymentIdentifiers) {
    }
}
