package org.tipline.gateway.routing;

import java.util.List;
import java.util.Set;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.tipline.gateway.kernel.Priority;
import org.tipline.gateway.kernel.ReportCodes.IncidentAnnotation;
import org.tipline.gateway.kernel.ReportCodes.IncidentType;
import org.tipline.gateway.kernel.ReportFacts;

/**
 * One routing rule: when every condition matches, the report goes to {@code route} (and, with
 * {@code allowRequested}, to the destinations the report names); {@code stop} ends the evaluation.
 */
public record RoutingRule(@NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,63}") String id, String description,
        When when, List<@NotNull String> route, Boolean allowRequested, Boolean stop) {

    public RoutingRule {
        when = when == null ? When.ANY : when;
        route = route == null ? List.of() : List.copyOf(route);
        allowRequested = Boolean.TRUE.equals(allowRequested);
        stop = Boolean.TRUE.equals(stop);
    }

    /** Conditions; each lists alternatives, and an absent one matches anything. */
    public record When(Set<IncidentType> incidentTypes, Set<@Pattern(regexp = "[A-Z]{2}") String> jurisdictions,
            Set<Regime> platformRegimes, Set<Priority> priorities, Set<IncidentAnnotation> annotations) {

        static final When ANY = new When(null, null, null, null, null);

        boolean matches(ReportFacts facts, Set<Regime> regimes) {
            return (incidentTypes == null
                    || incidentTypes.stream().anyMatch(t -> t.name().equals(facts.incidentType())))
                    && (jurisdictions == null || jurisdictions.stream().anyMatch(facts.jurisdictions()::contains))
                    && (platformRegimes == null || platformRegimes.stream().anyMatch(regimes::contains))
                    && (priorities == null || priorities.contains(facts.priority()))
                    && (annotations == null
                            || annotations.stream().anyMatch(a -> facts.annotations().contains(a.name())));
        }
    }
}
