package org.tipline.gateway.intake;

import java.util.List;

import jakarta.inject.Singleton;

import org.tipline.gateway.platform.errors.ProblemType;
import org.tipline.gateway.platform.errors.Violation;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts reports accepted ({@code tipline.reports.accepted{outcome}}) and requests to {@code /v1/reports} refused
 * ({@code tipline.reports.rejected{reason, code}}: the problem type and the first violation's code).
 */
@Singleton
public class IntakeMetrics {

    private final MeterRegistry registry;

    IntakeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** A report was opened ({@code opened}) or submitted ({@code submitted}); replays are not counted. */
    public void accepted(String outcome) {
        registry.counter("tipline.reports.accepted", "outcome", outcome).increment();
    }

    /** A request to the report API was refused. */
    public void rejected(ProblemType type, List<Violation> violations) {
        String code = violations == null || violations.isEmpty() ? "none" : violations.get(0).code().name();
        registry.counter("tipline.reports.rejected", "reason", type.name(), "code", code).increment();
    }
}
