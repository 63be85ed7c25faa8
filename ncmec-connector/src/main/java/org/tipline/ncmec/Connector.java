package org.tipline.ncmec;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tipline.core.envelope.EnvelopeOpener;
import org.tipline.core.envelope.ReceiverKeys;
import org.tipline.ncmec.api.CyberTiplineClient;
import org.tipline.ncmec.filing.Filer;
import org.tipline.ncmec.filing.FilingStore;
import org.tipline.ncmec.filing.GatewayClient;
import org.tipline.ncmec.filing.InboxConsumer;
import org.tipline.ncmec.ops.Health;
import org.tipline.ncmec.ops.OpsServer;
import org.tipline.ncmec.xml.CyberTiplineSchema;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The running connector: the inbox consumer and the filer, each on its own thread, and the operations endpoints.
 * Each loop survives any failure of a round, backing off and reporting it in readiness; {@link #close()} stops both
 * after their current round.
 */
public final class Connector implements AutoCloseable {

    private static final Logger LOGGER = LoggerFactory.getLogger(Connector.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final ConnectorConfig config;
    private final Settings settings;
    private final Clock clock = Clock.systemUTC();
    private final PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Health health = new Health();
    private final Semaphore filerWake = new Semaphore(0);
    private final FilingStore store;
    private final Filer filer;
    private final InboxConsumer inbox;
    private final OpsServer ops;
    private final Thread consuming;
    private final Thread filing;
    private volatile boolean running = true;
    private volatile String inboxProblem = "starting";
    private volatile String filerProblem;

    private Connector(ConnectorConfig config, Settings settings) throws IOException {
        this.config = config;
        this.settings = settings;
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(settings.jdbcUrl());
        dataSource.setUser(settings.jdbcUser());
        dataSource.setPassword(settings.jdbcPassword());
        this.store = new FilingStore(dataSource);
        store.migrate();
        GatewayClient gateway = new GatewayClient(settings.gatewayUrl(), config.destination(), settings.intakeKey(),
                config.connectTimeout(), config.requestTimeout());
        CyberTiplineClient ncmec = new CyberTiplineClient(settings.ncmecUrl(), settings.username(),
                settings.password(), config.connectTimeout(), config.requestTimeout());
        EnvelopeOpener opener = new EnvelopeOpener(ReceiverKeys.read(settings.privateKeys()));
        this.filer = new Filer(store, ncmec, gateway, opener, CyberTiplineSchema.get(), clock, config.minBackoff(),
                config.maxBackoff(), config.claimLease(), metrics);
        this.inbox = new InboxConsumer(consumer(), store, gateway, opener, config.topicPrefix(),
                config.destination(), metrics, clock);
        health.register("inbox", () -> inboxProblem);
        health.register("filer", () -> filerProblem);
        health.register("ncmec-credentials", () -> filer.pauseReason().orElse(null));
        for (org.tipline.ncmec.filing.Filing.Step step : org.tipline.ncmec.filing.Filing.Step.values()) {
            Gauge.builder("tipline.ncmec.filings.by.step", () -> countAt(step)).tag("step", step.name())
                    .description("Filings at each step").register(metrics);
        }
        this.ops = OpsServer.start(config.healthPort(), health, metrics);
        this.consuming = new Thread(this::consume, "tipline-ncmec-inbox");
        this.filing = new Thread(this::file, "tipline-ncmec-filer");
    }

    /** Starts the connector with {@code config}, resolving what it does not say from the local stack's files. */
    public static Connector start(ConnectorConfig config) throws IOException {
        Settings settings = Settings.resolve(config);
        Connector connector = new Connector(config, settings);
        connector.consuming.start();
        connector.filing.start();
        LOGGER.info("NCMEC connector filing {} with {} for {} ({}); operations on port {}", config.destination(),
                settings.ncmecUrl(), settings.gatewayUrl(), settings, connector.ops.port());
        return connector;
    }

    public int opsPort() {
        return ops.port();
    }

    public Health health() {
        return health;
    }

    private void consume() {
        Duration pause = config.minBackoff();
        try {
            while (running) {
                try {
                    if (inbox.pollOnce(POLL) > 0) {
                        filerWake.release();
                    }
                    inboxProblem = null;
                    pause = config.minBackoff();
                } catch (WakeupException e) {
                    break;
                } catch (IOException | RuntimeException e) {
                    inboxProblem = "failing (" + e.getClass().getSimpleName() + "); retrying";
                    LOGGER.warn("The inbox failed ({}); retrying in {}", e.getClass().getSimpleName(), pause);
                    sleep(pause);
                    pause = min(pause.multipliedBy(2), config.maxBackoff());
                }
            }
        } finally {
            inbox.close();
        }
    }

    private void file() {
        Duration pause = config.minBackoff();
        while (running) {
            try {
                boolean worked = filer.workOnce();
                filerProblem = null;
                pause = config.minBackoff();
                if (!worked) {
                    filerWake.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                    filerWake.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                filerProblem = "failing (" + e.getClass().getSimpleName() + "); retrying";
                LOGGER.warn("The filer failed ({}); retrying in {}", e.getClass().getSimpleName(), pause);
                sleep(pause);
                pause = min(pause.multipliedBy(2), config.maxBackoff());
            }
        }
    }

    private double countAt(org.tipline.ncmec.filing.Filing.Step step) {
        try {
            Map<org.tipline.ncmec.filing.Filing.Step, Long> counts = store.countsByStep();
            return counts.getOrDefault(step, 0L);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties properties = KafkaEnvironment.clientProperties(System.getenv()); // TLS, SASL
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, config.groupId());
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "tipline-ncmec-connector-" + Instant.now().toEpochMilli());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "100");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(properties);
    }

    private void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) < 0 ? a : b;
    }

    /** Stops both loops after their current round and closes the endpoints. */
    @Override
    public void close() {
        running = false;
        inbox.wakeUp();
        filerWake.release();
        join(consuming);
        join(filing);
        filer.close();
        ops.close();
        metrics.close();
    }

    private static void join(Thread thread) {
        try {
            thread.join(TimeUnit.MINUTES.toMillis(1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
