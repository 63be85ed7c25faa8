package org.tipline.ncmec.support;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.tipline.ncmec.Connector;
import org.tipline.ncmec.ConnectorConfig;

import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.common.MapBackedConfigSource;

/**
 * Starts the connector for a test, against the testbed and a fake CyberTipline: in this JVM, or as a child process
 * that a test can kill with -9 (a crash between or during steps).
 */
public final class Connectors {

    private Connectors() {
    }

    /** The connector's settings for the testbed and the CyberTipline at {@code ncmec}, with fast back-off. */
    public static Map<String, String> settings(URI ncmec, String username, String password) {
        Testbed bed = Testbed.get();
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("tipline.ncmec.url", ncmec.toString());
        settings.put("tipline.ncmec.username", username);
        settings.put("tipline.ncmec.password", password);
        settings.put("tipline.ncmec.gateway-url", bed.gateway().toString());
        settings.put("tipline.ncmec.intake-key", bed.intakeKey());
        settings.put("tipline.ncmec.kafka-bootstrap-servers", bed.kafka());
        settings.put("tipline.ncmec.jdbc-url", bed.connectorJdbcUrl());
        settings.put("tipline.ncmec.jdbc-password", "tipline-local");
        settings.put("tipline.ncmec.health-port", "0");
        settings.put("tipline.ncmec.min-backoff", "PT0.1S");
        settings.put("tipline.ncmec.max-backoff", "PT1S");
        settings.put("tipline.ncmec.poll-interval", "PT0.1S");
        settings.put("tipline.ncmec.claim-lease", "PT3S");
        settings.put("tipline.ncmec.local-stack-directory", bed.directory().resolve("no-local-run").toString());
        settings.put("tipline.ncmec.private-keys-file", bed.directory().resolve("stack").resolve("keys")
                .resolve("receivers").resolve("ncmec.private.jwks.json").toString());
        return settings;
    }

    /** A connector in this JVM; close it to stop it. */
    public static Connector inProcess(Map<String, String> settings) throws IOException {
        ConnectorConfig config = new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withMapping(ConnectorConfig.class).withSources(new MapBackedConfigSource("test", settings) {

                    private static final long serialVersionUID = 1L;
                }).build().getConfigMapping(ConnectorConfig.class);
        return Connector.start(config);
    }

    /** A connector in a child JVM, as production runs it; {@link Child#kill()} is kill -9. */
    public static Child child(Map<String, String> settings, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx128m"));
        settings.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "org.tipline.ncmec.ConnectorMain"));
        Files.createDirectories(log.getParent());
        return new Child(new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(
                ProcessBuilder.Redirect.appendTo(log.toFile())).start());
    }

    /** A connector process. */
    public record Child(Process process) implements AutoCloseable {

        /** Kills it at once: no shutdown hook, no step completed. */
        public void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
