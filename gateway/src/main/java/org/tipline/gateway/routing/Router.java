package org.tipline.gateway.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Singleton;

import org.tipline.gateway.kernel.ReportFacts;
import org.tipline.gateway.platform.errors.UnprocessableException;
import org.tipline.gateway.platform.errors.Violation;
import org.tipline.gateway.platform.errors.ViolationCode;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Decides which destinations must receive a finished report, by the ordered rules of the {@link RoutingTable}, then
 * checks each chosen destination's profile against the report. Refuses (422, every problem named) a report that
 * routes nowhere, names a destination that is unknown, disabled or not allowed, or lacks what a destination requires.
 */
@Singleton
public class Router {

    private final RoutingTable table;

    Router(RoutingTable table) {
        this.table = table;
    }

    public RoutingDecision route(JsonNode document, ReportFacts facts, Set<Regime> platformRegimes) {
        List<Violation> violations = new ArrayList<>();
        Map<String, List<String>> chosen = new LinkedHashMap<>();
        boolean requestedAllowed = false;
        for (RoutingRule rule : table.rules()) {
            if (!rule.when().matches(facts, platformRegimes)) {
                continue;
            }
            rule.route().stream().filter(id -> table.destination(id).map(Destination::isEnabled).orElse(false))
                    .forEach(id -> chosen.computeIfAbsent(id, k -> new ArrayList<>()).add(rule.id()));
            if (rule.allowRequested()) {
                requestedAllowed = true;
                addRequested(facts, rule, chosen, violations);
            }
            if (rule.stop()) {
                break;
            }
        }
        if (!requestedAllowed && !facts.requestedDestinations().isEmpty()) {
            violations.add(new Violation("/destinations", ViolationCode.NOT_ALLOWED,
                    "no routing rule allows a report to name its destinations"));
        }
        if (violations.isEmpty() && chosen.isEmpty()) {
            violations.add(new Violation("", ViolationCode.NO_DESTINATION, "no routing rule sends this report anywhere"
                    + " (incident type, jurisdictions and the platform's registered regimes decide; see GET /v1/status)"));
        }
        chosen.keySet().forEach(id -> violations.addAll(ProfileCheck.check(document, table.destination(id)
                .orElseThrow())));
        if (!violations.isEmpty()) {
            throw new UnprocessableException("The report cannot be routed", violations);
        }
        return new RoutingDecision(chosen);
    }

    private void addRequested(ReportFacts facts, RoutingRule rule, Map<String, List<String>> chosen,
            List<Violation> violations) {
        List<String> requested = facts.requestedDestinations();
        for (int i = 0; i < requested.size(); i++) {
            Optional<Destination> destination = table.destination(requested.get(i));
            if (destination.isEmpty() || !destination.get().isEnabled()) {
                violations.add(new Violation("/destinations/" + i, ViolationCode.UNKNOWN_DESTINATION,
                        "is not a registered, enabled destination"));
            } else {
                chosen.computeIfAbsent(destination.get().id(), k -> new ArrayList<>()).add(rule.id());
            }
        }
    }
}
