package org.tipline.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;

/**
 * The local stack: a real PostgreSQL server and a real single-node Kafka broker, with their state under one folder,
 * started for the run command and, once per run, for the tests. Never used when external servers are configured.
 */
public final class LocalStack implements AutoCloseable {

    private static final Logger LOGGER = Logger.getLogger(LocalStack.class);

    private final Path directory;
    private final StackLock lock;
    private final LocalPostgres postgres;
    private final LocalKafka kafka;

    private LocalStack(Path directory, StackLock lock, LocalPostgres postgres, LocalKafka kafka) {
        this.directory = directory;
        this.lock = lock;
        this.postgres = postgres;
        this.kafka = kafka;
    }

    /**
     * Starts the parts asked for under {@code directory}, reusing the ports of the previous run when they are free,
     * and holds the folder's {@link StackLock} until {@link #close()}.
     *
     * @throws StackInUseException when another process runs a stack in that folder (join it instead)
     * @throws IOException when a server cannot start; whatever did start is stopped again
     */
    public static LocalStack start(Path directory, boolean withPostgres, boolean withKafka) throws IOException {
        long started = System.nanoTime();
        StackLock lock = StackLock.tryAcquire(directory).orElseThrow(() -> new StackInUseException(directory));
        StackFile previous = StackFile.read(directory).orElse(StackFile.EMPTY);
        LocalPostgres postgres = null;
        LocalKafka kafka = null;
        try {
            if (withPostgres) {
                postgres = LocalPostgres.start(directory.resolve("postgres"), freePort(previous.postgresPort()));
            }
            if (withKafka) {
                kafka = LocalKafka.start(directory.resolve("kafka"), freePort(previous.kafkaPort()),
                        freePort(previous.kafkaControllerPort()));
            }
        } catch (IOException | RuntimeException e) {
            closeQuietly(kafka);
            closeQuietly(postgres);
            closeQuietly(lock);
            throw e;
        }
        LOGGER.infof("Local stack ready in %d ms (state in %s)", (System.nanoTime() - started) / 1_000_000,
                directory.toAbsolutePath());
        return new LocalStack(directory, lock, postgres, kafka);
    }

    /** The configuration that points the gateway at this stack; only the keys it overrides. */
    public Map<String, String> configOverrides() {
        return configOverrides(directory, postgres().map(LocalPostgres::jdbcUrl).orElse(null),
                kafka().map(LocalKafka::bootstrapServers).orElse(null));
    }

    /**
     * The configuration that points a gateway at the stack in {@code directory}, whichever process runs it: the ledger
     * at {@code jdbcUrl} and the broker at {@code bootstrapServers} (each left out when null), and the stack's keys
     * and evidence folders, so every gateway on one stack signs, seals and stores alike.
     */
    static Map<String, String> configOverrides(Path directory, String jdbcUrl, String bootstrapServers) {
        Map<String, String> config = new LinkedHashMap<>();
        if (jdbcUrl != null) {
            config.put("quarkus.datasource.jdbc.url", jdbcUrl);
            config.put("quarkus.datasource.username", LocalPostgres.APP_ROLE);
            config.put("quarkus.datasource.password", LocalPostgres.LOCAL_PASSWORD);
            // Migrations run as the schema owner; Quarkus uses flyway.username only with flyway.jdbc-url.
            config.put("quarkus.flyway.jdbc-url", jdbcUrl);
            config.put("quarkus.flyway.username", LocalPostgres.OWNER_ROLE);
            config.put("quarkus.flyway.password", LocalPostgres.LOCAL_PASSWORD);
        }
        if (bootstrapServers != null) {
            config.put("kafka.bootstrap.servers", bootstrapServers);
        }
        // Keys not configured otherwise are generated once and kept with the stack's state.
        config.put("tipline.keys.generate-missing", "true");
        config.put("tipline.keys.directory", directory.resolve("keys").toString());
        config.put("tipline.evidence.directory", directory.resolve("evidence").toString());
        return config;
    }

    /** What {@code stack.json} says of this stack; endpoints configured externally are passed in. */
    StackFile describe(Optional<String> externalKafka, Optional<String> externalJdbcUrl, String httpUrl,
            String managementUrl) {
        return new StackFile(kafka().map(LocalKafka::bootstrapServers).or(() -> externalKafka).orElse(null),
                postgres().map(LocalPostgres::jdbcUrl).or(() -> externalJdbcUrl).orElse(null),
                postgres().map(pg -> LocalPostgres.APP_ROLE).orElse(null), httpUrl,
                postgres().map(LocalPostgres::port).orElse(0), kafka().map(LocalKafka::port).orElse(0),
                kafka().map(LocalKafka::controllerPort).orElse(0),
                postgres().map(pg -> pg.jdbcUrl(LocalPostgres.CONNECTOR_DATABASE)).orElse(null), managementUrl);
    }

    public Path directory() {
        return directory;
    }

    public Optional<LocalPostgres> postgres() {
        return Optional.ofNullable(postgres);
    }

    public Optional<LocalKafka> kafka() {
        return Optional.ofNullable(kafka);
    }

    /** Stops the broker, then the database, then lets the folder go; data stays in the folder. */
    @Override
    public void close() {
        closeQuietly(kafka);
        closeQuietly(postgres);
        closeQuietly(lock);
    }

    private static void closeQuietly(AutoCloseable part) {
        if (part == null) {
            return;
        }
        try {
            part.close();
        } catch (Exception e) {
            LOGGER.warnf(e, "Stopping %s failed", part.getClass().getSimpleName());
        }
    }

    /** {@code preferred} if it can be bound on the loopback address now, otherwise a free ephemeral port. */
    static int freePort(int preferred) {
        if (preferred > 0 && canBind(preferred)) {
            return preferred;
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free local port", e);
        }
    }

    private static boolean canBind(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
