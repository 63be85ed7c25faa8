package org.tipline.ncmec.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.tipline.localstack.LocalPostgres;
import org.tipline.localstack.LocalStack;
import org.tipline.localstack.PackagedGateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the connector's tests run against, started once per test JVM: a real local stack (PostgreSQL and Kafka) and
 * the real packaged gateway as a child process on it, as an operator runs them; stopped when the JVM exits.
 */
public final class Testbed {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Testbed running;

    private final Path directory;
    private final LocalStack stack;
    private final PackagedGateway gateway;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String intakeKey;

    private Testbed(Path directory, LocalStack stack, PackagedGateway gateway) throws IOException {
        this.directory = directory;
        this.stack = stack;
        this.gateway = gateway;
        this.intakeKey = newKey(Map.of("role", "intake", "destinations", List.of("ncmec"), "label", "connector"));
    }

    /** The running testbed, started on first call. */
    public static synchronized Testbed get() {
        if (running == null) {
            try {
                Path directory = Files.createTempDirectory("tipline-connector-test-");
                LocalStack stack = LocalStack.start(directory.resolve("stack"), true, true);
                Map<String, String> config = new HashMap<>(stack.configOverrides());
                config.put("tipline.evidence.max-file-bytes", String.valueOf(8 * 1024 * 1024));
                Path jar = Path.of(System.getProperty("tipline.root", "..")).resolve(PackagedGateway.JAR);
                PackagedGateway gateway = PackagedGateway.start(jar, config, List.of("-Xmx256m"),
                        directory.resolve("gateway.log"), 0);
                running = new Testbed(directory, stack, gateway);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    gateway.close();
                    stack.close();
                }, "tipline-connector-testbed-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException("The connector's testbed could not start", e);
            }
        }
        return running;
    }

    public URI gateway() {
        return gateway.base();
    }

    public String kafka() {
        return stack.kafka().orElseThrow().bootstrapServers();
    }

    /** The connector's own database on the stack's PostgreSQL server. */
    public String connectorJdbcUrl() {
        return stack.postgres().orElseThrow().jdbcUrl(LocalPostgres.CONNECTOR_DATABASE);
    }

    /** Filings of the connector's database that are not done yet (0 before its first start). */
    public long unfinishedFilings() {
        return count("SELECT count(*) FROM filing WHERE step <> 'DONE'", null);
    }

    /** What is left unfinished, for a failing test's message: kind, step, attempts and last problem of each. */
    public String unfinishedDescription() {
        StringBuilder text = new StringBuilder();
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(connectorJdbcUrl(),
                LocalPostgres.CONNECTOR_ROLE, LocalPostgres.LOCAL_PASSWORD);
                java.sql.PreparedStatement select = connection.prepareStatement("SELECT report_id, kind, step,"
                        + " attempts, last_problem, next_attempt_at FROM filing WHERE step <> 'DONE'");
                java.sql.ResultSet row = select.executeQuery()) {
            while (row.next()) {
                text.append(row.getString(1)).append(' ').append(row.getString(2)).append(' ').append(row
                        .getString(3)).append(" attempts ").append(row.getInt(4)).append(": ").append(row
                                .getString(5))
                        .append(" next ").append(row.getTimestamp(6)).append('\n');
            }
        } catch (java.sql.SQLException e) {
            return "unreadable: " + e.getSQLState();
        }
        return text.toString();
    }

    /** Filings of the connector's database about gateway report {@code reportId}. */
    public long filingsOf(String reportId) {
        return count("SELECT count(*) FROM filing WHERE report_id = ?::uuid", reportId);
    }

    private long count(String sql, String parameter) {
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(connectorJdbcUrl(),
                LocalPostgres.CONNECTOR_ROLE, LocalPostgres.LOCAL_PASSWORD);
                java.sql.PreparedStatement select = connection.prepareStatement(sql)) {
            if (parameter != null) {
                select.setString(1, parameter);
            }
            try (java.sql.ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return 0; // the connector has not created its tables yet
            }
            throw new IllegalStateException("The connector's database cannot be read", e);
        }
    }

    public String intakeKey() {
        return intakeKey;
    }

    public Path directory() {
        return directory;
    }

    /** A new synthetic platform registered under US_NCMEC, and a platform key for it. */
    public String newUsPlatform() throws IOException {
        String id = "connector-test-" + UUID.randomUUID().toString().substring(0, 8);
        call("POST", "/v1/admin/platforms", gateway.adminKey(), JSON.createObjectNode().put("id", id)
                .put("name", "Synthetic connector test platform").set("regimes", JSON.valueToTree(List.of(
                        "US_NCMEC")))
                .toString(), 201);
        return newKey(Map.of("role", "platform", "platformId", id, "label", "connector test"));
    }

    /** Calls the gateway's API as {@code key} and returns the JSON answer, which must have {@code status}. */
    public JsonNode call(String method, String path, String key, String json, int status) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.base().resolve(path))
                .header("Authorization", "Bearer " + key).header("Idempotency-Key", UUID.randomUUID().toString());
        if (json != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(
                    json));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return send(request.build(), status);
    }

    /** Uploads {@code bytes} as an evidence file of an open report; the answer has its digests. */
    public JsonNode upload(String key, String reportId, byte[] bytes, String mediaType) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(gateway.base().resolve("/v1/reports/" + reportId + "/files"))
                .header("Authorization", "Bearer " + key).header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Content-Type", "application/octet-stream").header("X-Media-Type", mediaType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
        return send(request, 201);
    }

    private JsonNode send(HttpRequest request, int status) throws IOException {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != status) {
                throw new IOException(request.method() + " " + request.uri().getPath() + " answered "
                        + response.statusCode() + ", not " + status + ": " + response.body());
            }
            return response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private String newKey(Map<String, Object> request) throws IOException {
        return call("POST", "/v1/admin/credentials", gateway.adminKey(), JSON.writeValueAsString(request), 201)
                .path("key").asText();
    }
}
