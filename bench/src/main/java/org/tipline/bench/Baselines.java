package org.tipline.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What the machine's broker and database can do on their own, measured on the same servers the gateway uses: a Kafka
 * producer with {@code acks=all} and idempotence, pipelining records of the report's size as fast as the broker
 * acknowledges them; and PostgreSQL inserting one row of that size per transaction, synchronous commit, from as many
 * clients as the gateway gets.
 */
final class Baselines {

    private static final String TOPIC = "tipline.bench.baseline";
    private static final int PARTITIONS = 3;

    private Baselines() {
    }

    /** Records/s a single idempotent producer gets acknowledged with acks=all, over {@code duration}. */
    static Map<String, Object> kafka(String bootstrapServers, int recordBytes, Duration duration) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            if (!admin.listTopics().names().get().contains(TOPIC)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1))).all().get();
            }
        }
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        byte[] value = randomBytes(recordBytes);
        AtomicLong acknowledged = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Semaphore inFlight = new Semaphore(10_000);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(TOPIC, "warm-up", value)).get();
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            while (System.nanoTime() < end && failure.get() == null) {
                inFlight.acquire();
                producer.send(new ProducerRecord<>(TOPIC, UUID.randomUUID().toString(), value), (metadata, e) -> {
                    inFlight.release();
                    if (e != null) {
                        failure.set(e);
                    } else {
                        acknowledged.incrementAndGet();
                    }
                });
            }
            producer.flush();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (failure.get() != null) {
                throw failure.get();
            }
            return result(acknowledged.get(), seconds, recordBytes, 1);
        }
    }

    /** Rows/s from {@code clients} connections each inserting one row per transaction, over {@code duration}. */
    static Map<String, Object> postgres(BenchEnvironment environment, int rowBytes, int clients, Duration duration)
            throws Exception {
        try (Connection owner = environment.ownerConnection(); Statement statement = owner.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS bench_baseline");
            statement.execute("CREATE TABLE bench_baseline (id uuid PRIMARY KEY, body bytea NOT NULL,"
                    + " at timestamptz NOT NULL DEFAULT now())");
        }
        AtomicLong committed = new AtomicLong();
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                done.add(threads.submit(() -> insertUntil(environment, rowBytes, end, committed)));
            }
            for (Future<Void> future : done) {
                future.get();
            }
        } finally {
            threads.shutdownNow();
            threads.awaitTermination(10, TimeUnit.SECONDS);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        try (Connection owner = environment.ownerConnection(); Statement statement = owner.createStatement()) {
            statement.execute("DROP TABLE bench_baseline");
        }
        return result(committed.get(), seconds, rowBytes, clients);
    }

    private static Void insertUntil(BenchEnvironment environment, int rowBytes, long end, AtomicLong committed)
            throws SQLException {
        byte[] body = randomBytes(rowBytes);
        try (Connection connection = environment.ownerConnection();
                PreparedStatement insert = connection
                        .prepareStatement("INSERT INTO bench_baseline (id, body) VALUES (?, ?)")) {
            connection.setAutoCommit(true);
            try (Statement durable = connection.createStatement()) {
                durable.execute("SET synchronous_commit = on");
            }
            while (System.nanoTime() < end) {
                insert.setObject(1, UUID.randomUUID());
                insert.setBytes(2, body);
                insert.executeUpdate();
                committed.incrementAndGet();
            }
        }
        return null;
    }

    private static Map<String, Object> result(long count, double seconds, int bytes, int clients) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("recordBytes", bytes);
        result.put("clients", clients);
        result.put("count", count);
        result.put("seconds", Math.round(seconds * 10) / 10.0);
        result.put("perSecond", Math.round(count / seconds));
        return result;
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }
}
