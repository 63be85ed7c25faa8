package org.tipline.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
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

    private LocalStackBootstrap() {
    }

    /** Starts the stack once per JVM; a dev-mode restart finds it running and keeps it. */
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
        LocalStack stack;
        try {
            stack = LocalStack.start(directory, withPostgres, withKafka);
        } catch (IOException e) {
            throw new UncheckedIOException("The local stack could not start", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAfterGateway(stack), "tipline-local-stack-stop"));
        stack.configOverrides().forEach(System::setProperty);
        System.setProperty(ACTIVE_PROPERTY, directory.toString());
        int httpPort = config.getOptionalValue("quarkus.http.port", Integer.class).orElse(8080);
        int managementPort = config.getOptionalValue("quarkus.management.port", Integer.class).orElse(9000);
        try {
            stack.describe(config.getOptionalValue("kafka.bootstrap.servers", String.class),
                    config.getOptionalValue("quarkus.datasource.jdbc.url", String.class),
                    "http://127.0.0.1:" + httpPort, "http://127.0.0.1:" + managementPort).write(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + directory.resolve(StackFile.NAME), e);
        }
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
