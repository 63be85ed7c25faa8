package org.tipline.gateway.delivery;

import jakarta.inject.Singleton;

import org.tipline.gateway.routing.Destination;

/** Topic names of the Kafka contract (API.md), under the configured prefix. */
@Singleton
public class Topics {

    private final String prefix;

    Topics(DeliveryConfig config) {
        this.prefix = config.topicPrefix();
    }

    /** The destination's topic ({@code <prefix>.intake.<id>} unless configured), or its {@code .urgent} lane. */
    public String intake(Destination destination, boolean urgent) {
        String topic = destination.topic() != null ? destination.topic() : prefix + ".intake." + destination.id();
        return topic + (urgent ? ".urgent" : "");
    }

    /** Where intake systems publish acknowledgements. */
    public String acks() {
        return prefix + ".intake.acks";
    }

    /** The SIEM feed of audit events. */
    public String audit() {
        return prefix + ".audit";
    }
}
