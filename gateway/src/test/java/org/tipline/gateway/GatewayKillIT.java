package org.tipline.gateway;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.tipline.gateway.support.JsonEdit;
import org.tipline.gateway.support.Ledger;
import org.tipline.gateway.support.SyntheticReports;
import org.tipline.gateway.support.TestStack;
import org.tipline.gateway.support.TopicReader;
import org.tipline.localstack.LocalStack;
import org.tipline.localstack.PackagedGateway;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged gateway killed with -9 while platforms file reports, then started again on the same port: clients
 * retry what got no answer with the same Idempotency-Key, as the API tells them to. Every request ends with a 2xx;
 * every 2xx'd report is in the ledger and on its topic; no request became two reports; after de-duplication by
 * message id each report was forwarded once.
 */
@QuarkusIntegrationTest // for the shared test stack: the gateways under test here are started by the test itself
class GatewayKillIT {

    private static final int CLIENTS = 8;
    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void noAcknowledgedReportIsLostOrFiledTwiceWhenTheGatewayIsKilledUnderLoad() throws Exception {
        // Given
        LocalStack stack = TestStack.get();
        Map<String, String> config = new HashMap<>(stack.configOverrides());
        config.put("tipline.rate-limit.enabled", "false");
        Path logs = Files.createTempDirectory("tipline-kill-it-");
        PackagedGateway first = PackagedGateway.start(JAR, config, List.of("-Xmx256m"), logs.resolve("first.log"), 0);
        int port = first.base().getPort();
        String platformKey = platform(first);
        Map<String, String> filed = new ConcurrentHashMap<>(); // Idempotency-Key -> reportId of its 2xx
        AtomicBoolean filing = new AtomicBoolean(true);
        AtomicInteger retries = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        PackagedGateway second = null;
        try {
            for (int i = 0; i < CLIENTS; i++) {
                running.add(clients.submit(() -> {
                    while (filing.get()) {
                        String key = UUID.randomUUID().toString();
                        filed.put(key, file(first.base(), platformKey, key, retries));
                    }
                    return null;
                }));
            }
            // When: killed in the middle of the load, started again on the same port
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> filed.size() >= 200);
            first.kill();
            int beforeRestart = filed.size();
            second = PackagedGateway.start(JAR, config, List.of("-Xmx256m"), logs.resolve("second.log"), port);
            int afterRestart = filed.size();
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> filed.size() >= afterRestart + 200);
            filing.set(false);
            for (Future<?> client : running) {
                client.get(120, TimeUnit.SECONDS); // a client that never got its 2xx fails here
            }
            // Then
            assertThat(retries.get()).as("requests were cut off by the kill").isPositive();
            assertThat(filed.size()).isGreaterThan(beforeRestart);
            Set<String> ids = new HashSet<>(filed.values());
            assertThat(ids).as("one report per Idempotency-Key").hasSameSizeAs(filed.keySet());
            assertThat(reportsOfPlatform(ids)).as("the ledger holds exactly the acknowledged reports")
                    .isEqualTo(ids);
            try (TopicReader reader = new TopicReader(stack.kafka().orElseThrow().bootstrapServers(),
                    List.of("tipline.intake.ncmec", "tipline.intake.ncmec.urgent"))) {
                List<ConsumerRecord<String, String>> records = reader.awaitRecords(ids, Duration.ofSeconds(120),
                        received -> received.stream().map(ConsumerRecord::key).collect(Collectors.toSet())
                                .containsAll(ids));
                Map<String, Set<String>> messageIds = new HashMap<>();
                for (ConsumerRecord<String, String> record : records) {
                    JsonNode envelope = JsonEdit.parse(record.value());
                    messageIds.computeIfAbsent(record.key(), k -> new HashSet<>())
                            .add(envelope.path("messageId").asText());
                }
                assertThat(messageIds.keySet()).isEqualTo(ids);
                assertThat(messageIds.values()).as("each report forwarded under one message id")
                        .allSatisfy(messages -> assertThat(messages).hasSize(1));
            }
        } finally {
            filing.set(false);
            clients.shutdownNow();
            first.kill();
            if (second != null) {
                second.close();
            }
        }
    }

    /** Files one report until it gets its 2xx, retrying with the same key through refused connections and 5xx. */
    private String file(URI base, String platformKey, String key, AtomicInteger retries) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(base.resolve(
                        "/v1/reports?finish=true")).timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Bearer " + platformKey).header("Idempotency-Key", key)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(SyntheticReports.minimal())).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 202) {
                    return JsonEdit.parse(answer.body()).path("reportId").asText();
                }
                boolean retryable = answer.statusCode() >= 500 || answer.body().contains("idempotency-key-in-flight");
                if (!retryable) {
                    throw new AssertionError("Refused with " + answer.statusCode() + ": " + answer.body());
                }
            } catch (IOException e) {
                // the gateway is down or the connection was cut: the answer was lost, retry with the same key
            }
            retries.incrementAndGet();
            Thread.sleep(100);
        }
        throw new AssertionError("No answer for Idempotency-Key " + key + " within 120 s");
    }

    private String platform(PackagedGateway gateway) throws Exception {
        String id = "kill-it-" + UUID.randomUUID().toString().substring(0, 8);
        admin(gateway, "/v1/admin/platforms", "{\"id\": \"" + id + "\", \"name\": \"Synthetic kill-test platform\","
                + " \"regimes\": [\"US_NCMEC\"]}");
        return JsonEdit.parse(admin(gateway, "/v1/admin/credentials", "{\"role\": \"platform\", \"platformId\": \""
                + id + "\", \"label\": \"kill-it\"}")).path("key").asText();
    }

    private String admin(PackagedGateway gateway, String path, String body) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(gateway.base().resolve(path))
                .header("Authorization", "Bearer " + gateway.adminKey()).header("Idempotency-Key",
                        UUID.randomUUID().toString())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return answer.body();
    }

    /** The ids of the reports in the ledger that belong to the platform of {@code sample}'s reports. */
    private static Set<String> reportsOfPlatform(Set<String> sample) throws Exception {
        Set<String> ids = new HashSet<>();
        try (Connection connection = Ledger.superuser();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT id FROM report WHERE platform_id = (SELECT platform_id FROM report WHERE id = ?)")) {
            select.setObject(1, UUID.fromString(sample.iterator().next()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }
}
