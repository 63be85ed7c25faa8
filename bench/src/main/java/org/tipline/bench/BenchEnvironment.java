package org.tipline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.tipline.localstack.LocalPostgres;
import org.tipline.localstack.LocalStack;

/**
 * Where a benchmark runs: a fresh local stack (real PostgreSQL and Kafka under the output folder), or external servers
 * given on the command line. It knows how to connect to both as the gateway's application role, and the settings
 * that point a gateway at them.
 */
final class BenchEnvironment implements AutoCloseable {

    /** External servers; null fields mean "start the local stack". */
    record External(String jdbcUrl, String jdbcUser, String jdbcPassword, String ownerUser, String ownerPassword,
            String bootstrapServers) {

        boolean given() {
            return jdbcUrl != null && bootstrapServers != null;
        }
    }

    private final LocalStack stack;
    private final External external;
    private final Path directory;

    private BenchEnvironment(LocalStack stack, External external, Path directory) {
        this.stack = stack;
        this.external = external;
        this.directory = directory;
    }

    /** Starts a fresh local stack under {@code directory}, unless external servers are given. */
    static BenchEnvironment start(Path directory, External external) throws IOException {
        if (external.given()) {
            Files.createDirectories(directory);
            return new BenchEnvironment(null, external, directory);
        }
        delete(directory.resolve("stack"));
        return new BenchEnvironment(LocalStack.start(directory.resolve("stack"), true, true), null, directory);
    }

    /** The settings that point a gateway at these servers. */
    Map<String, String> gatewayConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        // The bench measures capacity: the per-platform rate limit (a protection, not a cost) is off.
        config.put("tipline.rate-limit.enabled", "false");
        if (stack != null) {
            config.putAll(stack.configOverrides());
            return config;
        }
        config.put("quarkus.datasource.jdbc.url", external.jdbcUrl());
        config.put("quarkus.datasource.username", external.jdbcUser());
        config.put("quarkus.datasource.password", external.jdbcPassword());
        config.put("quarkus.flyway.jdbc-url", external.jdbcUrl());
        config.put("quarkus.flyway.username", external.ownerUser());
        config.put("quarkus.flyway.password", external.ownerPassword());
        config.put("kafka.bootstrap.servers", external.bootstrapServers());
        config.put("tipline.keys.generate-missing", "true");
        config.put("tipline.keys.directory", directory.resolve("keys").toString());
        config.put("tipline.evidence.directory", directory.resolve("evidence").toString());
        return config;
    }

    String bootstrapServers() {
        return stack != null ? stack.kafka().orElseThrow().bootstrapServers() : external.bootstrapServers();
    }

    String jdbcUrl() {
        return stack != null ? stack.postgres().orElseThrow().jdbcUrl() : external.jdbcUrl();
    }

    /** A connection as the gateway's application role. */
    Connection applicationConnection() throws SQLException {
        return stack != null
                ? DriverManager.getConnection(jdbcUrl(), LocalPostgres.APP_ROLE, LocalPostgres.LOCAL_PASSWORD)
                : DriverManager.getConnection(jdbcUrl(), external.jdbcUser(), external.jdbcPassword());
    }

    /** A connection as the schema owner (for the baseline's own table). */
    Connection ownerConnection() throws SQLException {
        return stack != null
                ? DriverManager.getConnection(jdbcUrl(), LocalPostgres.OWNER_ROLE, LocalPostgres.LOCAL_PASSWORD)
                : DriverManager.getConnection(jdbcUrl(), external.ownerUser(), external.ownerPassword());
    }

    /** What the servers are, for the results. */
    String describe() {
        return stack != null ? "local stack (embedded PostgreSQL, single-node KRaft Kafka)" : "external servers";
    }

    Path directory() {
        return directory;
    }

    @Override
    public void close() {
        if (stack != null) {
            stack.close();
        }
    }

    private static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
