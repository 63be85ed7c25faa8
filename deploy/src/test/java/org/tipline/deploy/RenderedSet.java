package org.tipline.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

/**
 * The production set as {@code kubectl kustomize deploy/kubernetes} renders it. Where kubectl is not installed the set
 * is rendered here with the only transformations the kustomization uses (namespace, labels on metadata, images), so
 * the checks run on a machine with only a JDK too; where it is, {@link #withoutKubectl} is compared with it.
 */
final class RenderedSet {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private RenderedSet() {
    }

    static Path root() {
        return Path.of(System.getProperty("tipline.root", "..")).toAbsolutePath().normalize();
    }

    static Path kustomization() {
        return root().resolve("deploy/kubernetes");
    }

    /** The documents kubectl renders, or empty when there is no kubectl on the PATH. */
    static Optional<List<JsonNode>> withKubectl() {
        Process process;
        try {
            process = new ProcessBuilder("kubectl", "kustomize", kustomization().toString()).redirectErrorStream(false)
                    .start();
        } catch (IOException e) {
            return Optional.empty(); // not installed
        }
        try {
            byte[] out = process.getInputStream().readAllBytes();
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("kubectl kustomize failed: " + err);
            }
            return Optional.of(parse(new String(out, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The same set rendered without kubectl: the resources in order, with the kustomization's transformations. */
    static List<JsonNode> withoutKubectl() {
        try {
            JsonNode kustomization = YAML.readTree(kustomization().resolve("kustomization.yaml").toFile());
            String namespace = kustomization.path("namespace").asText(null);
            List<JsonNode> documents = new ArrayList<>();
            for (JsonNode resource : kustomization.path("resources")) {
                documents.addAll(parse(Files.readString(kustomization().resolve(resource.asText()))));
            }
            for (JsonNode document : documents) {
                ObjectNode metadata = (ObjectNode) document.path("metadata");
                if (namespace != null) {
                    if ("Namespace".equals(document.path("kind").asText())) {
                        metadata.put("name", namespace);
                    } else {
                        metadata.put("namespace", namespace);
                    }
                }
                for (JsonNode label : kustomization.path("labels")) {
                    label.path("pairs").fields().forEachRemaining(pair -> metadata.withObject("/labels")
                            .set(pair.getKey(), pair.getValue()));
                }
                for (JsonNode container : containers(document)) {
                    for (JsonNode image : kustomization.path("images")) {
                        if (image.path("name").asText().equals(container.path("image").asText())) {
                            ((ObjectNode) container).put("image", image.path("newName").asText() + ":"
                                    + image.path("newTag").asText());
                        }
                    }
                }
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> containers(JsonNode document) {
        List<JsonNode> containers = new ArrayList<>();
        document.path("spec").path("template").path("spec").path("containers").forEach(containers::add);
        document.path("spec").path("template").path("spec").path("initContainers").forEach(containers::add);
        return containers;
    }

    static List<JsonNode> parse(String yaml) throws IOException {
        List<JsonNode> documents = new ArrayList<>();
        try (YAMLParser parser = new YAMLFactory().createParser(yaml)) {
            var values = YAML.readValues(parser, JsonNode.class);
            while (values.hasNext()) {
                JsonNode document = values.next();
                if (document != null && !document.isNull() && !document.isMissingNode() && document.size() > 0) {
                    documents.add(document);
                }
            }
        }
        return documents;
    }
}
