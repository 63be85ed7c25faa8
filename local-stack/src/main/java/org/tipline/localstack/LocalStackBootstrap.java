package org.tipline.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.quarkus.runtime.Application;

/**
 * Starts the local stack before Quarkus when {@code tipline.local-stack.enabled} is true and no external PostgreSQL or
 * Kafka is configured, and points the gateway at it through system properties. Stops it when the JVM stops, after the
 * gateway. Fails start-up with the cause when a server cannot start.
 * <p>
 * A second run command while the first runs (the folder's {@code stack.lock} is held) joins the running stack: the same
 * database, broker, keys and evidence, its HTTP port from {@code PORT} and a free management port.
 * <p>
 * This runs before Quarkus has loaded {@code application.properties} or chosen a profile, so it reads system
 * properties and environment variables only: {@code ./mvnw quarkus:dev} sets {@code tipline.local-stack.enabled} (see
 * the pom); {@code java -Dtipline.local-stack.enabled=true -jar ...} does the same for the packaged gateway.
 */
public final class LocalStackBootstrap {

    /** System property naming the folder of a running local stack; survives dev-mode restarts. */
    public static final String ACTIVE_PROPERTY = "tipline.local-stack.active-directory";
    /** Default folder of the local stack's state, relative to the working directory. */
    public static final String DEFAULT_DIRECTORY = ".tipline";

    private static final Logger LOGGER = Logger.getLogger(LocalStackBootstrap.class);
    private static final String MANAGEMENT_PORT = "quarkus.management.port";
    /** How long a joining gateway waits for a stack whose owner is still starting it. */
    private static final Duration JOIN_WAIT = Duration.ofSeconds(120);

    private LocalStackBootstrap() {
    }

    /**
     * Starts the stack once per JVM; a dev-mode restart finds it running and keeps it. When another process already
     * runs a stack in the folder (a second run command), joins that stack instead, as one more gateway instance.
     */
    public static synchronized void startIfConfigured() {
        Config config = ConfigProvider.getConfig();
        if (!config.getOptionalValue("tipline.local-stack.enabled", Boolean.class).orElse(false)
                || activeDirectory().isPresent()) {
            return;
        }
        boolean withPostgres = config.getOptionalValue("quarkus.datasource.jdbc.url", String.class).isEmpty();
        boolean withKafka = config.getOptionalValue("kafka.bootstrap.servers", String.class).isEmpty();
        if (!withPostgres && !withKafka) {
            LOGGER.info("External PostgreSQL and Kafka are configured: the local stack is not started");
            return;
        }
        Path directory = Path.of(config.getOptionalValue("tipline.local-stack.directory", String.class)
                .orElse(DEFAULT_DIRECTORY)).toAbsolutePath();
        try {
            start(config, directory, withPostgres, withKafka);
        } catch (StackInUseException e) {
            join(directory, withPostgres, withKafka);
        } catch (IOException e) {
            throw new UncheckedIOException("The local stack could not start", e);
        }
        System.setProperty(ACTIVE_PROPERTY, directory.toString());
    }

    private static void start(Config config, Path directory, boolean withPostgres, boolean withKafka)
            throws IOException {
        LocalStack stack = LocalStack.start(directory, withPostgres, withKafka);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAfterGateway(stack), "tipline-local-stack-stop"));
        stack.configOverrides().forEach(System::setProperty);
        int httpPort = config.getOptionalValue("quarkus.http.port", Integer.class)
                .or(() -> config.getOptionalValue("PORT", Integer.class)).orElse(8080);
        int managementPort = config.getOptionalValue("quarkus.management.port", Integer.class).orElse(9000);
        try {
            stack.describe(config.getOptionalValue("kafka.bootstrap.servers", String.class),
                    config.getOptionalValue("quarkus.datasource.jdbc.url", String.class),
                    "http://127.0.0.1:" + httpPort, "http://127.0.0.1:" + managementPort).write(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + directory.resolve(StackFile.NAME), e);
        }
    }

    /**
     * One more gateway on the stack another process runs: its settings, and a free management port unless one is
     * configured (the first gateway's is taken). The HTTP port comes from {@code PORT}.
     */
    private static void join(Path directory, boolean withPostgres, boolean withKafka) {
        JoinedStack stack;
        try {
            stack = JoinedStack.await(directory, withPostgres, withKafka, JOIN_WAIT);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not join the local stack", e);
        }
        stack.configOverrides(withPostgres, withKafka).forEach(System::setProperty);
        if (System.getProperty(MANAGEMENT_PORT) == null && System.getenv("QUARKUS_MANAGEMENT_PORT") == null) {
            System.setProperty(MANAGEMENT_PORT, String.valueOf(LocalStack.freePort(0)));
        }
        LOGGER.infof("Joined the local stack in %s as one more gateway instance (the first listens on %s); it keeps"
                + " running until the process that started it stops", directory, stack.firstGateway());
    }

    /** The folder of the local stack this JVM started, if it started one. */
    public static Optional<Path> activeDirectory() {
        return Optional.ofNullable(System.getProperty(ACTIVE_PROPERTY)).map(Path::of);
    }

    private static void stopAfterGateway(LocalStack stack) {
        Application application = Application.currentApplication();
        if (application != null) {
            application.stop();
        }
        stack.close();
    }
}
