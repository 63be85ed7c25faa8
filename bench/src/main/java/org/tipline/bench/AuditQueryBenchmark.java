package org.tipline.bench;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The auditor's query by report over a large log: seeds the log through the gateway's own sequencer, then asks
 * {@code GET /v1/audit/events?reportId=} for random seeded reports, closed loop, at each client concurrency. Every
 * answer is checked (200 and the report's ten events); each query is itself audited, as in production.
 */
final class AuditQueryBenchmark {

    private final GatewayApi api;
    private final BenchEnvironment environment;
    private final long events;
    private final int queries;
    private final List<Integer> concurrencies;

    AuditQueryBenchmark(GatewayApi api, BenchEnvironment environment, long events, int queries,
            List<Integer> concurrencies) {
        this.api = api;
        this.environment = environment;
        this.events = events;
        this.queries = queries;
        this.concurrencies = concurrencies;
    }

    Map<String, Object> run() throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        Progress.say("audit query: seeding %d events through the sequencer", events);
        AuditSeeder.Seeded seeded = new AuditSeeder().seed(environment, events);
        result.put("seededEvents", seeded.events());
        result.put("logSize", seeded.logSize());
        result.put("copySeconds", round(seeded.copySeconds()));
        result.put("sequencedEventsPerSecond", Math.round(seeded.events() / seeded.sequencedSeconds()));
        String auditor = api.newKey("auditor");
        query(auditor, seeded.reportIds(), Math.min(queries, 1000), 2);
        List<Map<String, Object>> runs = new ArrayList<>();
        for (int concurrency : concurrencies) {
            Progress.say("audit query: %d queries by %d client(s)", queries, concurrency);
            long start = System.nanoTime();
            Latency latency = query(auditor, seeded.reportIds(), queries, concurrency);
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("concurrency", concurrency);
            run.put("queriesPerSecond", Math.round(queries / ((System.nanoTime() - start) / 1e9)));
            run.putAll(latency.summary());
            runs.add(run);
        }
        result.put("runs", runs);
        return result;
    }

    /** {@code count} queries by {@code concurrency} clients; fails on any wrong answer. */
    private Latency query(String auditor, List<UUID> reportIds, int count, int concurrency) throws Exception {
        Latency latency = new Latency();
        AtomicLong remaining = new AtomicLong(count);
        ExecutorService clients = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<Void>> done = new ArrayList<>();
            for (int c = 0; c < concurrency; c++) {
                Random random = new Random(c);
                done.add(clients.submit(() -> {
                    while (remaining.getAndDecrement() > 0) {
                        UUID reportId = reportIds.get(random.nextInt(reportIds.size()));
                        long start = System.nanoTime();
                        HttpResponse<String> answer = api.get(auditor, "/v1/audit/events?reportId=" + reportId);
                        latency.record(System.nanoTime() - start);
                        check(answer, reportId);
                    }
                    return null;
                }));
            }
            for (Future<Void> future : done) {
                future.get();
            }
        } finally {
            clients.shutdownNow();
        }
        return latency;
    }

    private static void check(HttpResponse<String> answer, UUID reportId) throws IOException {
        if (answer.statusCode() != 200) {
            throw new IOException("The query for " + reportId + " answered " + answer.statusCode());
        }
        int found = GatewayApi.parse(answer.body()).path("items").size();
        if (found != AuditSeeder.EVENTS_PER_REPORT) {
            throw new IOException("The query for " + reportId + " found " + found + " events, not "
                    + AuditSeeder.EVENTS_PER_REPORT);
        }
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
