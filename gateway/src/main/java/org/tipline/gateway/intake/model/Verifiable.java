package org.tipline.gateway.intake.model;

import java.time.OffsetDateTime;

/** A contact detail the platform may have verified. */
public interface Verifiable {

    Boolean verified();

    OffsetDateTime verifiedAt();
}
