package org.tipline.gateway.platform.validation;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Validators of {@link InPast}; outside CDI they use the system clock and a two-minute skew. */
public final class InPastValidator {

    private static final Duration DEFAULT_SKEW = Duration.ofMinutes(2);

    private InPastValidator() {
    }

    /** Timestamps: not after now + skew. */
    public static class OfTimestamp implements ConstraintValidator<InPast, OffsetDateTime> {

        @Inject
        Clock clock;
        @Inject
        Provider<ValidationConfig> config;

        @Override
        public boolean isValid(OffsetDateTime value, ConstraintValidatorContext context) {
            return value == null || !value.toInstant().isAfter(latest(clock, config));
        }
    }

    /** Dates (of birth): not after the latest calendar day anywhere at now + skew. */
    public static class OfDate implements ConstraintValidator<InPast, LocalDate> {

        @Inject
        Clock clock;
        @Inject
        Provider<ValidationConfig> config;

        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return value == null || !value.isAfter(latest(clock, config).atOffset(ZoneOffset.MAX).toLocalDate());
        }
    }

    /** Config is looked up per call: validators are created before runtime configuration is available. */
    private static java.time.Instant latest(Clock clock, Provider<ValidationConfig> config) {
        Clock now = clock == null ? Clock.systemUTC() : clock;
        return now.instant().plus(config == null ? DEFAULT_SKEW : config.get().clockSkew());
    }
}
