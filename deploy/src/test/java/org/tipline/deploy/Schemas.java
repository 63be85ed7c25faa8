package org.tipline.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

/**
 * The JSON Schema of every kind the production set uses, from the files vendored in {@code deploy/schemas}
 * (SOURCES.md there says where each comes from): the Kubernetes and CloudNativePG kinds as JSON Schemas, the Strimzi
 * kinds from the openAPIV3Schema of their CRDs. The CRD schemas are read strictly, as the API server's strict field
 * validation reads a manifest: an object whose properties are declared takes no other property.
 */
final class Schemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

    /** apiVersion/kind to the file its schema comes from, relative to deploy/schemas. */
    private static final Map<String, String> FILES = Map.ofEntries(
            Map.entry("v1/Namespace", "kubernetes/Namespace.json"),
            Map.entry("v1/ConfigMap", "kubernetes/ConfigMap.json"),
            Map.entry("v1/Service", "kubernetes/Service.json"),
            Map.entry("v1/ServiceAccount", "kubernetes/ServiceAccount.json"),
            Map.entry("v1/PersistentVolumeClaim", "kubernetes/PersistentVolumeClaim.json"),
            Map.entry("apps/v1/Deployment", "kubernetes/Deployment.json"),
            Map.entry("policy/v1/PodDisruptionBudget", "kubernetes/PodDisruptionBudget.json"),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", "kubernetes/NetworkPolicy.json"),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", "kubernetes/HorizontalPodAutoscaler.json"),
            Map.entry("postgresql.cnpg.io/v1/Cluster", "cloudnative-pg/Cluster.json"),
            Map.entry("postgresql.cnpg.io/v1/ScheduledBackup", "cloudnative-pg/ScheduledBackup.json"),
            Map.entry("postgresql.cnpg.io/v1/Database", "cloudnative-pg/Database.json"),
            Map.entry("kafka.strimzi.io/v1/Kafka", "strimzi/040-Crd-kafka.yaml"),
            Map.entry("kafka.strimzi.io/v1/KafkaTopic", "strimzi/043-Crd-kafkatopic.yaml"),
            Map.entry("kafka.strimzi.io/v1/KafkaUser", "strimzi/044-Crd-kafkauser.yaml"),
            Map.entry("kafka.strimzi.io/v1/KafkaNodePool", "strimzi/045-Crd-kafkanodepool.yaml"));

    private final Map<String, JsonSchema> loaded = new HashMap<>();

    static Path directory() {
        return RenderedSet.root().resolve("deploy/schemas");
    }

    /** The schema of {@code document}'s apiVersion and kind; an AssertionError for a kind without one. */
    JsonSchema of(JsonNode document) {
        String type = document.path("apiVersion").asText() + "/" + document.path("kind").asText();
        String file = FILES.get(type);
        if (file == null) {
            throw new AssertionError("No vendored schema for " + type + " (deploy/schemas/SOURCES.md)");
        }
        return loaded.computeIfAbsent(type, t -> load(file, document.path("apiVersion").asText()));
    }

    private static JsonSchema load(String file, String apiVersion) {
        try {
            Path path = directory().resolve(file);
            if (file.endsWith(".json")) {
                return FACTORY.getSchema(JSON.readTree(path.toFile()));
            }
            return FACTORY.getSchema(fromCrd(RenderedSet.YAML.readTree(Files.readString(path)), apiVersion));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The version's openAPIV3Schema of a CRD, as a strict JSON Schema of the whole resource. */
    static JsonNode fromCrd(JsonNode crd, String apiVersion) {
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        for (JsonNode served : crd.path("spec").path("versions")) {
            if (served.path("name").asText().equals(version)) {
                ObjectNode schema = served.path("schema").path("openAPIV3Schema").deepCopy();
                strict(schema);
                ObjectNode properties = schema.withObject("/properties");
                properties.putObject("apiVersion").put("const", apiVersion);
                properties.putObject("kind").put("const", crd.path("spec").path("names").path("kind").asText());
                properties.putObject("metadata").put("type", "object");
                schema.putArray("required").add("apiVersion").add("kind").add("metadata").add("spec");
                return schema;
            }
        }
        throw new AssertionError("The CRD " + crd.path("metadata").path("name").asText() + " has no version "
                + version);
    }

    /** Objects with declared properties take no others, unless the schema says it keeps unknown fields. */
    private static void strict(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.has("properties") && !object.has("additionalProperties")
                    && !object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                object.put("additionalProperties", false);
            }
        }
        for (Iterator<JsonNode> children = node.elements(); children.hasNext();) {
            strict(children.next());
        }
    }
}
