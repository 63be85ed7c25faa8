package org.tipline.gateway.routing;

import java.util.List;
import java.util.Map;

/** Where a report goes and which rules sent it there: destination id to the ids of the rules that chose it. */
public record RoutingDecision(Map<String, List<String>> rulesByDestination) {

    public RoutingDecision {
        rulesByDestination = Map.copyOf(rulesByDestination);
    }

    public List<String> destinations() {
        return rulesByDestination.keySet().stream().sorted().toList();
    }
}
