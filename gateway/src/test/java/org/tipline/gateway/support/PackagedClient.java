package org.tipline.gateway.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.tipline.localstack.PackagedGateway;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the *IT tests do to packaged gateways they start themselves, as a platform, an admin or a load balancer would:
 * file reports and retry them with the same Idempotency-Key until answered, create platforms and credentials, read a
 * metric from the management interface.
 */
public final class PackagedClient {

    private static final Duration FILING_DEADLINE = Duration.ofSeconds(120);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * Files one synthetic report with {@code finish=true} until it gets its 202, as a client behind a load balancer:
     * the first attempt goes to {@code targets[first % size]}; a refused connection, a cut-off answer or a 5xx moves
     * the retry, with the same key, to the next target. Counts every retry in {@code retries}.
     *
     * @return the report id of the 202
     * @throws AssertionError when refused with a 4xx, or when no 202 came within two minutes
     */
    public String file(List<URI> targets, int first, String platformKey, String idempotencyKey,
            AtomicInteger retries) throws InterruptedException {
        Instant deadline = Instant.now().plus(FILING_DEADLINE);
        for (int attempt = first; Instant.now().isBefore(deadline); attempt++) {
            URI base = targets.get(Math.floorMod(attempt, targets.size()));
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(base.resolve(
                        "/v1/reports?finish=true")).timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Bearer " + platformKey).header("Idempotency-Key", idempotencyKey)
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
                // that gateway is down or the connection was cut: the answer was lost, retry with the same key
            }
            retries.incrementAndGet();
            Thread.sleep(100);
        }
        throw new AssertionError("No answer for Idempotency-Key " + idempotencyKey + " within " + FILING_DEADLINE);
    }

    /** Registers a new synthetic platform (regime US_NCMEC) and returns a platform key for it. */
    public String newPlatform(PackagedGateway gateway, String prefix) throws Exception {
        String id = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        admin(gateway, "/v1/admin/platforms", "{\"id\": \"" + id + "\", \"name\": \"Synthetic test platform\","
                + " \"regimes\": [\"US_NCMEC\"]}");
        return credential(gateway, "{\"role\": \"platform\", \"platformId\": \"" + id + "\", \"label\": \"" + prefix
                + "\"}");
    }

    /** Creates a credential ({@code body} as for {@code POST /v1/admin/credentials}) and returns its key. */
    public String credential(PackagedGateway gateway, String body) throws Exception {
        return JsonEdit.parse(admin(gateway, "/v1/admin/credentials", body)).path("key").asText();
    }

    /** A GET with {@code key}, expecting 200; the body. */
    public String get(URI base, String path, String key, String accept) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", "Bearer " + key).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
        return answer.body();
    }

    /**
     * The sum of every series of a counter or gauge in the gateway's Prometheus exposition (0 when absent), for
     * instance {@code tipline_delivery_forwarded_total} over all destinations and kinds.
     */
    public double metric(PackagedGateway gateway, String name) throws Exception {
        String exposition = http.send(HttpRequest.newBuilder(gateway.management().resolve("/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        double sum = 0;
        for (String line : exposition.split("\n")) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
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

    /** The ids of the reports in the ledger that belong to the platform of one of {@code sample}'s reports. */
    public static Set<String> reportsOfPlatform(Set<String> sample) throws Exception {
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
