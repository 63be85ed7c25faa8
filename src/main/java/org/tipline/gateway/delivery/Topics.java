package org.tipline.gateway.delivery;

import jakarta.inject.Singleton;

/** Topic names of the Kafka contract (API.md), under the configured prefix. */
@Singleton
public class Topics {

    private final String prefix;

    Topics(DeliveryConfig config) {
        this.prefix = config.topicPrefix();
    }

    /** {@code <prefix>.intake.<destination>}, or its {@code .urgent} lane. */
    public String intake(String destination, boolean urgent) {
        return prefix + ".intake." + destination + (urgent ? ".urgent" : "");
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
