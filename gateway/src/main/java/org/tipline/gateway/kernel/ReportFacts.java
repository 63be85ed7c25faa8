package org.tipline.gateway.kernel;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The facts of a report document that lifecycle and routing rules read, in clear: never personal data. Absent
 * fields read as empty.
 */
public record ReportFacts(String incidentType, Priority priority, boolean batched, List<String> requestedDestinations,
        List<String> jurisdictions, Set<String> annotations) {

    public ReportFacts {
        requestedDestinations = List.copyOf(requestedDestinations);
        jurisdictions = List.copyOf(jurisdictions);
        annotations = Set.copyOf(annotations);
    }

    /** The facts of a validated report document. */
    public static ReportFacts of(JsonNode document) {
        String priority = document.path("priority").asText(Priority.P3_STANDARD.name());
        return new ReportFacts(document.path("incident").path("type").asText(), Priority.valueOf(priority),
                document.hasNonNull("batch"), strings(document.path("destinations")),
                strings(document.path("jurisdictions")),
                new LinkedHashSet<>(strings(document.path("incident").path("annotations"))));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.asText()));
        return values;
    }
}
