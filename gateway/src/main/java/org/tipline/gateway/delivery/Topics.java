package org.tipline.gateway.delivery;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Singleton;

import org.tipline.gateway.platform.kafka.TopicDemand;
import org.tipline.gateway.routing.Destination;
import org.tipline.gateway.routing.RoutingTable;

/** Topic names of the delivery side of the Kafka contract (API.md), under the configured prefix. */
@Singleton
public class Topics implements TopicDemand {

    private final String prefix;
    private final RoutingTable routing;

    Topics(DeliveryConfig config, RoutingTable routing) {
        this.prefix = config.topicPrefix();
        this.routing = routing;
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

    /** Every destination's two lanes and the acknowledgements topic. */
    @Override
    public List<String> topics() {
        List<String> names = new ArrayList<>();
        for (Destination destination : routing.destinations()) {
            names.add(intake(destination, false));
            names.add(intake(destination, true));
        }
        names.add(acks());
        return names;
    }
}
