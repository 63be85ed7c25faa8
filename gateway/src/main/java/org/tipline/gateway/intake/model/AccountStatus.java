package org.tipline.gateway.intake.model;

import java.time.OffsetDateTime;

import org.tipline.gateway.intake.validation.ValidAccountStatus;
import org.tipline.gateway.platform.validation.InPast;

/**
 * An account's suspension: {@code userNotifiedAt} not before {@code disabledAt}, {@code reenabledAt} after it (and only
 * for a temporary suspension).
 */
@ValidAccountStatus
public record AccountStatus(@InPast OffsetDateTime disabledAt, Boolean userNotified,
        @InPast OffsetDateTime userNotifiedAt, @InPast OffsetDateTime reenabledAt) {
}
