package org.tipline.localstack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.jboss.logging.Logger;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * A real single-node Apache Kafka broker in KRaft mode (combined broker and controller), run in this JVM from the
 * Kafka artifacts on Maven Central, with its log in a folder that survives restarts. Fails with an
 * {@link IOException} when the broker cannot be formatted or does not become ready.
 */
public final class LocalKafka implements AutoCloseable {

    private static final Logger LOGGER = Logger.getLogger(LocalKafka.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final Path directory;
    private final int port;
    private final int controllerPort;
    private KafkaRaftServer server;

    private LocalKafka(Path directory, int port, int controllerPort) {
        this.directory = directory;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** Formats the log folder on first use, then starts the broker and waits until it answers. */
    public static LocalKafka start(Path directory, int port, int controllerPort) throws IOException {
        LocalKafka kafka = new LocalKafka(directory, port, controllerPort);
        kafka.start();
        return kafka;
    }

    /** (Re)starts a stopped broker on the same ports and log; used by fault-injection tests. */
    public synchronized void start() throws IOException {
        if (server != null) {
            return;
        }
        Properties properties = brokerProperties();
        formatOnce(properties);
        KafkaRaftServer starting = new KafkaRaftServer(KafkaConfig.fromProps(properties, false), Time.SYSTEM);
        starting.startup();
        server = starting;
        awaitReady();
        LOGGER.infof("Kafka broker listening on %s, log in %s", bootstrapServers(), directory);
    }

    /** Stops the broker, keeping its log. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            server = null;
        }
        LOGGER.infof("Kafka broker on port %d stopped", port);
    }

    public boolean isRunning() {
        return server != null;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    @Override
    public void close() {
        stop();
    }

    private Properties brokerProperties() {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", directory.resolve("log").toString());
        p.put("num.partitions", "3");
        p.put("auto.create.topics.enable", "false"); // the gateway provisions its topics; a missing one is a fault
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("log.retention.hours", "-1");
        p.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
        // Each log is written to disk within a second. Left to the kernel, a log's dirty pages all go at once when the
        // oldest turns 30 s old: bursts of a few hundred MB that stalled PostgreSQL's commits on the same disk for up
        // to 100 ms (docs/performance.md). Without replicas, this is also all the durability a local broker has.
        p.put("log.flush.interval.ms", "1000");
        p.put("log.flush.scheduler.interval.ms", "1000");
        return p;
    }

    private void formatOnce(Properties properties) throws IOException {
        Path log = directory.resolve("log");
        if (Files.exists(log.resolve("meta.properties"))) {
            return;
        }
        Files.createDirectories(log);
        Path config = directory.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(config)) {
            properties.store(out, "Local single-node KRaft broker of the Tipline Gateway; written at each format");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status;
        try (PrintStream print = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            status = StorageTool.execute(new String[]{"format", "--cluster-id", Uuid.randomUuid().toString(),
                    "--config", config.toString(), "--ignore-formatted"}, print);
        }
        if (status != 0) {
            throw new IOException("Formatting the Kafka log folder failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    private void awaitReady() throws IOException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.describeCluster().nodes().get(READY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("The Kafka broker did not become ready within " + READY_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for the Kafka broker", e);
        }
    }
}
