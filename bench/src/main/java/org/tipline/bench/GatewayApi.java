package org.tipline.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The gateway's HTTP API as the harness sets it up (the admin API) and as the audit-query scenario reads it; the intake
 * load goes through {@link LoadClient}.
 */
final class GatewayApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String adminKey;
    private final HttpClient http;

    GatewayApi(URI base, String adminKey, int connections) {
        this.base = base;
        this.adminKey = adminKey;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(Math.max(2,
                        connections)))
                .build();
    }

    /** Registers a synthetic platform under the given regimes and returns a platform key for it. */
    String newPlatform(String id, List<String> regimes) throws IOException, InterruptedException {
        admin("/v1/admin/platforms", Map.of("id", id, "name", "Synthetic benchmark platform", "regimes", regimes));
        return admin("/v1/admin/credentials", Map.of("role", "platform", "platformId", id, "label", "bench"))
                .path("key").asText();
    }

    /** A key of a role without bindings (auditor). */
    String newKey(String role) throws IOException, InterruptedException {
        return admin("/v1/admin/credentials", Map.of("role", role, "label", "bench")).path("key").asText();
    }

    private JsonNode admin(String path, Map<String, Object> body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + adminKey).header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IOException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    HttpResponse<String> get(String key, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + key).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode parse(String json) throws IOException {
        return JSON.readTree(json);
    }
}
