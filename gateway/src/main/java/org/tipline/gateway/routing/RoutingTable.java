package org.tipline.gateway.routing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.runtime.Startup;

/**
 * The destinations and ordered rules of the routing file, loaded and checked at start-up: unknown fields, codes or
 * destination ids stop the gateway with a message naming them, rather than misroute a report later.
 */
@Startup
@Singleton
public class RoutingTable {

    static final String DEFAULT_FILE = "routing/default-routing.yaml";
    private static final Logger LOGGER = Logger.getLogger(RoutingTable.class);

    private final Map<String, Destination> destinations;
    private final List<RoutingRule> rules;

    RoutingTable(RoutingConfig config, Validator validator) {
        File file = read(config);
        Set<String> problems = validator.validate(file).stream()
                .map(v -> v.getPropertyPath() + " " + v.getMessage()).collect(Collectors.toSet());
        Map<String, Destination> byId = new LinkedHashMap<>();
        for (Destination destination : file.destinations()) {
            if (byId.put(destination.id(), destination) != null) {
                problems.add("destination " + destination.id() + " is defined twice");
            }
        }
        Set<String> ruleIds = new HashSet<>();
        for (RoutingRule rule : file.rules()) {
            if (!ruleIds.add(rule.id())) {
                problems.add("rule " + rule.id() + " is defined twice");
            }
            rule.route().stream().filter(id -> !byId.containsKey(id))
                    .forEach(id -> problems.add("rule " + rule.id() + " routes to unknown destination " + id));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Invalid routing file: " + String.join("; ", problems));
        }
        this.destinations = byId;
        this.rules = List.copyOf(file.rules());
        LOGGER.infof("Routing: %d destinations (%s), %d rules", byId.size(), String.join(", ", byId.keySet()),
                rules.size());
    }

    /** The destination with this id, if registered. */
    public Optional<Destination> destination(String id) {
        return Optional.ofNullable(destinations.get(id));
    }

    /** All registered destinations, in file order. */
    public List<Destination> destinations() {
        return List.copyOf(destinations.values());
    }

    public List<RoutingRule> rules() {
        return rules;
    }

    /** The routing file's shape. */
    record File(@NotNull @Size(min = 1) List<@NotNull @Valid Destination> destinations,
            @NotNull List<@NotNull @Valid RoutingRule> rules) {
    }

    private static File read(RoutingConfig config) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        try (InputStream in = config.file().isPresent()
                ? Files.newInputStream(config.file().get())
                : RoutingTable.class.getClassLoader().getResourceAsStream(DEFAULT_FILE)) {
            if (in == null) {
                throw new IllegalStateException("The bundled routing file " + DEFAULT_FILE + " is missing");
            }
            return yaml.readValue(in, File.class);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the routing file " + config.file().map(Object::toString)
                    .orElse(DEFAULT_FILE) + ": " + e.getMessage(), e);
        }
    }
}
