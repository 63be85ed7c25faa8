package org.tipline.gateway.support;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Platforms filing reports against packaged gateways without pause: each client files one report at a time with a new
 * Idempotency-Key and retries it, spread over the targets as a load balancer would, until it gets its 202. Kill tests
 * run it while they kill gateways, then check what every 2xx promised.
 */
public final class FilingLoad implements AutoCloseable {

    private final Map<String, String> filed = new ConcurrentHashMap<>(); // Idempotency-Key -> reportId of its 2xx
    private final AtomicBoolean filing = new AtomicBoolean(true);
    private final AtomicInteger retries = new AtomicInteger();
    private final AtomicInteger next = new AtomicInteger();
    private final ExecutorService pool;
    private final List<Future<?>> clients = new ArrayList<>();

    private FilingLoad(int clients) {
        this.pool = Executors.newFixedThreadPool(clients);
    }

    /** Starts {@code clients} clients filing as {@code platformKey}, request after request spread over {@code targets}. */
    public static FilingLoad start(PackagedClient client, List<URI> targets, String platformKey, int clients) {
        FilingLoad load = new FilingLoad(clients);
        for (int i = 0; i < clients; i++) {
            load.clients.add(load.pool.submit(() -> {
                while (load.filing.get()) {
                    String key = UUID.randomUUID().toString();
                    load.filed.put(key, client.file(targets, load.next.getAndIncrement(), platformKey, key,
                            load.retries));
                }
                return null;
            }));
        }
        return load;
    }

    /** Waits until {@code more} reports beyond those filed now got their 2xx. */
    public void awaitMore(int more, Duration timeout) {
        int target = filed.size() + more;
        Awaitility.await().atMost(timeout).until(() -> filed.size() >= target);
    }

    /** Stops filing and waits for every client's last report to get its 2xx; a client that got none fails here. */
    public void finish() throws Exception {
        filing.set(false);
        for (Future<?> client : clients) {
            client.get(150, TimeUnit.SECONDS);
        }
    }

    public int filed() {
        return filed.size();
    }

    /** Requests sent again because a gateway gave no answer or a 5xx. */
    public int retries() {
        return retries.get();
    }

    /**
     * What every 2xx promised: one report per Idempotency-Key, exactly those reports in the ledger for the platform,
     * and each on its ncmec topic under one message id.
     *
     * @return the report ids
     */
    public Set<String> assertEachKeyFiledOnceAndDeliveredOnce(String bootstrapServers) throws Exception {
        Set<String> ids = new HashSet<>(filed.values());
        assertThat(ids).as("one report per Idempotency-Key").hasSameSizeAs(filed.keySet());
        assertThat(PackagedClient.reportsOfPlatform(ids)).as("the ledger holds exactly the acknowledged reports")
                .isEqualTo(ids);
        try (TopicReader reader = new TopicReader(bootstrapServers,
                List.of("tipline.intake.ncmec", "tipline.intake.ncmec.urgent"))) {
            Map<String, Set<String>> messageIds = reader.awaitMessageIds(ids, Duration.ofSeconds(120));
            assertThat(messageIds.keySet()).isEqualTo(ids);
            assertThat(messageIds.values()).as("each report forwarded under one message id")
                    .allSatisfy(messages -> assertThat(messages).hasSize(1));
        }
        return ids;
    }

    @Override
    public void close() {
        filing.set(false);
        pool.shutdownNow();
    }
}
