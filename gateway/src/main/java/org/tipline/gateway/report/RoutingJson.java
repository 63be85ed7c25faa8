package org.tipline.gateway.report;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The routing decision as stored: {@code {"<destination>": ["<rule id>", …]}}, keys sorted. */
final class RoutingJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RoutingJson() {
    }

    static String write(Map<String, List<String>> routing) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(routing));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A routing decision could not be serialized", e);
        }
    }
}
