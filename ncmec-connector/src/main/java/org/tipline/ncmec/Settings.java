package org.tipline.ncmec;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.tipline.core.envelope.ReceiverKeys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The connector's settings resolved: what the configuration gives, else what a running local stack's {@code .tipline}
 * files say. Fails with an {@link IllegalStateException} naming the missing setting, or a NCMEC URL that is neither
 * HTTPS nor on this machine.
 */
record Settings(URI ncmecUrl, String username, String password, URI gatewayUrl, String intakeKey,
        String kafkaBootstrapServers, String jdbcUrl, String jdbcUser, String jdbcPassword, Path privateKeys) {

    /** Password of the local stack's roles (it only listens on the loopback address). */
    static final String LOCAL_PASSWORD = "tipline-local";
    private static final ObjectMapper JSON = new ObjectMapper();

    static Settings resolve(ConnectorConfig config) throws IOException {
        JsonNode stack = read(config.localStackDirectory().resolve("stack.json"));
        JsonNode credentials = read(config.localStackDirectory().resolve("demo-credentials.json"));
        URI ncmec = config.url();
        boolean loopback = "http".equals(ncmec.getScheme()) && ("127.0.0.1".equals(ncmec.getHost())
                || "localhost".equals(ncmec.getHost()) || "[::1]".equals(ncmec.getHost()));
        if (!"https".equals(ncmec.getScheme()) && !loopback) {
            throw new IllegalStateException("tipline.ncmec.url must be HTTPS (or http on this machine, for a test"
                    + " server): " + ncmec);
        }
        return new Settings(ncmec,
                required(config.username(), "tipline.ncmec.username (TIPLINE_NCMEC_USERNAME)"),
                required(config.password(), "tipline.ncmec.password (TIPLINE_NCMEC_PASSWORD)"),
                URI.create(required(config.gatewayUrl().map(URI::toString).or(() -> text(stack, "httpUrl")),
                        "tipline.ncmec.gateway-url (or a running local stack)")),
                required(config.intakeKey().or(() -> text(credentials.path("intake"), config.destination())),
                        "tipline.ncmec.intake-key (or a running local stack)"),
                required(config.kafkaBootstrapServers().or(() -> text(stack, "kafkaBootstrapServers")),
                        "tipline.ncmec.kafka-bootstrap-servers (or a running local stack)"),
                required(config.jdbcUrl().or(() -> text(stack, "connectorJdbcUrl")),
                        "tipline.ncmec.jdbc-url (or a running local stack)"),
                config.jdbcUser(),
                config.jdbcPassword().orElse(config.jdbcUrl().isEmpty() ? LOCAL_PASSWORD : ""),
                privateKeys(config));
    }

    private static Path privateKeys(ConnectorConfig config) {
        Path file = config.privateKeysFile().orElse(ReceiverKeys.privateFile(config.localStackDirectory()
                .resolve("keys").resolve("receivers"), config.destination()));
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Set tipline.ncmec.private-keys-file (TIPLINE_NCMEC_PRIVATE_KEYS_FILE): the"
                    + " destination's private JWKS, " + file + " is missing");
        }
        return file;
    }

    private static String required(Optional<String> value, String name) {
        return value.filter(v -> !v.isBlank()).orElseThrow(() -> new IllegalStateException("Set " + name));
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    private static JsonNode read(Path file) throws IOException {
        return Files.isRegularFile(file) ? JSON.readTree(file.toFile()) : JSON.createObjectNode();
    }

    @Override
    public String toString() {
        return "Settings[ncmec=" + ncmecUrl + ", gateway=" + gatewayUrl + ", kafka=" + kafkaBootstrapServers
                + ", jdbc=" + jdbcUrl + "]";
    }
}
