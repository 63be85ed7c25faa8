package org.tipline.gateway.intake;

import jakarta.inject.Singleton;

import org.tipline.gateway.delivery.EnvelopeBudget;

import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Refuses to start when the intake limits admit a report that could never be forwarded: the largest report body
 * ({@code tipline.intake.max-body-bytes}) must fit in one Kafka record ({@code tipline.delivery.max-message-bytes})
 * once sealed. Files add to a report at finish, where {@link EnvelopeBudget} refuses one that would not fit.
 */
@Startup
@Singleton
class ForwardableLimits {

    ForwardableLimits(IntakeConfig intake, EnvelopeBudget budget) {
        if (intake.maxBodyBytes() > budget.largestDocument()) {
            throw new ConfigurationException("tipline.intake.max-body-bytes=" + intake.maxBodyBytes() + " admits"
                    + " reports that cannot be forwarded: sealed, a report of that size needs more than"
                    + " tipline.delivery.max-message-bytes=" + budget.limit() + " (the largest forwardable body is "
                    + budget.largestDocument() + " bytes). Raise max-message-bytes (and the topics'"
                    + " max.message.bytes) or lower max-body-bytes.");
        }
    }
}
