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
        private volatile Duration skew;

        @Override
        public boolean isValid(OffsetDateTime value, ConstraintValidatorContext context) {
            return value == null || !value.toInstant().isAfter(latest(clock, skew()));
        }

        private Duration skew() {
            Duration known = skew;
            return known != null ? known : (skew = skewOf(config));
        }
    }

    /** Dates (of birth): not after the latest calendar day anywhere at now + skew. */
    public static class OfDate implements ConstraintValidator<InPast, LocalDate> {

        @Inject
        Clock clock;
        @Inject
        Provider<ValidationConfig> config;
        private volatile Duration skew;

        @Override
        public boolean isValid(LocalDate value, ConstraintValidatorContext context) {
            return value == null || !value.isAfter(latest(clock, skew()).atOffset(ZoneOffset.MAX).toLocalDate());
        }

        private Duration skew() {
            Duration known = skew;
            return known != null ? known : (skew = skewOf(config));
        }
    }

    /**
     * The configured skew, looked up at the first validation (validators are created before runtime configuration is
     * available) and kept: configuration does not change while the gateway runs.
     */
    private static Duration skewOf(Provider<ValidationConfig> config) {
        return config == null ? DEFAULT_SKEW : config.get().clockSkew();
    }

    private static java.time.Instant latest(Clock clock, Duration skew) {
        Clock now = clock == null ? Clock.systemUTC() : clock;
        return now.instant().plus(skew);
    }
}
