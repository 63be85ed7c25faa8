package org.tipline.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reports filed at full speed and at fixed rates: concurrent clients POST synthetic reports with {@code finish=true}
 * (unique idempotency keys), closed loop at the maximum rate, then open loop at fractions of it with latency measured
 * from each request's scheduled time (coordinated-omission correction). Every accepted report must then reach every
 * destination its answer names on the intake topics; lost and duplicated arrivals are counted. Baselines for the same
 * record size run first on the same servers.
 */
final class IntakeBenchmark {

    /** Distinct report bodies per size, sent in turn. */
    static final int BODIES = 500;

    /** How the runs are shaped. */
    record Settings(List<Integer> sizes, int clients, Duration warmUp, Duration duration, List<Double> openFractions,
            Duration baselineDuration) {
    }

    /** A report the gateway accepted: its id, where it goes, and when the 2xx arrived (System.nanoTime). */
    private record Accepted(String reportId, List<String> destinations, long answeredAt) {
    }

    /** Longest warm-up, whatever the JIT does. */
    static final Duration MAX_WARM_UP = Duration.ofMinutes(5);
    /** Unmeasured load at an open loop's rate before it is measured. */
    static final Duration LEAD_IN = Duration.ofSeconds(15);
    /** One step of the warm-up after its minimum. */
    static final Duration WARM_UP_STEP = Duration.ofSeconds(15);
    /** The JIT is quiet when its compilers used less than this share of one core over a step. */
    static final double JIT_QUIET = 0.05;

    private final GatewayApi api;
    private final LoadClient load;
    private final GatewayProcess gateway;
    private final BenchEnvironment environment;
    private final Settings settings;
    private final List<String> platformKeys = new ArrayList<>();

    IntakeBenchmark(GatewayApi api, LoadClient load, GatewayProcess gateway, BenchEnvironment environment,
            Settings settings) {
        this.api = api;
        this.load = load;
        this.gateway = gateway;
        this.environment = environment;
        this.settings = settings;
    }

    List<Map<String, Object>> run() throws Exception {
        for (int p = 0; p < 10; p++) {
            platformKeys.add(api.newPlatform("bench-platform-" + p, List.of("US_NCMEC", "UK_NCA")));
        }
        List<Map<String, Object>> results = new ArrayList<>();
        try (DeliveryWatcher watcher = new DeliveryWatcher(environment.bootstrapServers())) {
            watcher.awaitAssigned();
            for (int size : settings.sizes()) {
                results.add(runSize(size, watcher));
            }
        }
        return results;
    }

    private Map<String, Object> runSize(int size, DeliveryWatcher watcher) throws Exception {
        Map<String, Object> result = new LinkedHashMap<>();
        List<byte[]> bodies = new SyntheticReportBodies(size).bodies(BODIES, size);
        result.put("bodyBytes", bodies.stream().mapToInt(b -> b.length).average().orElse(0));
        Progress.say("intake, %d B bodies: Kafka and PostgreSQL baselines", size);
        Map<String, Object> kafka = Baselines.kafka(environment.bootstrapServers(), size,
                settings.baselineDuration());
        Map<String, Object> postgres = Baselines.postgres(environment, size, settings.clients(),
                settings.baselineDuration());
        result.put("kafkaBaseline", kafka);
        result.put("postgresBaseline", postgres);
        Duration warmedUp = warmUp(size, bodies, watcher);
        result.put("warmUpSeconds", warmedUp.toSeconds());
        Progress.say("intake, %d B bodies: closed loop, %d clients (%s)", size, settings.clients(),
                settings.duration());
        Map<String, Object> closed = closedLoop(bodies, settings.duration(), watcher);
        Progress.say("intake, %d B bodies: %s accepted/s, %s delivered/s, %s lost", size,
                closed.get("acceptedPerSecond"), closed.get("deliveredPerSecond"), closed.get("lost"));
        closed.put("deliveredVsKafka", ratio(closed.get("deliveredPerSecond"), kafka.get("perSecond")));
        closed.put("deliveredVsPostgres", ratio(closed.get("deliveredPerSecond"), postgres.get("perSecond")));
        result.put("closedLoop", closed);
        List<Map<String, Object>> open = new ArrayList<>();
        double maximum = ((Number) closed.get("acceptedPerSecond")).doubleValue();
        for (double fraction : settings.openFractions()) {
            Progress.say("intake, %d B bodies: open loop at %.0f/s (%.0f %% of the maximum)", size,
                    Math.max(1, maximum * fraction), fraction * 100);
            Map<String, Object> run = openLoop(bodies, Math.max(1, maximum * fraction), watcher);
            run.put("fractionOfMaximum", fraction);
            open.add(run);
        }
        result.put("openLoop", open);
        return result;
    }

    /**
     * Closed-loop load for at least the configured warm-up, then in steps until the gateway's JIT compilers are quiet
     * (under {@link #JIT_QUIET} of a core over a step) or {@link #MAX_WARM_UP} has passed: on two cores the compilers
     * are busy for a minute or two, and a run measured meanwhile would count their work as the gateway's.
     */
    private Duration warmUp(int size, List<byte[]> bodies, DeliveryWatcher watcher) throws Exception {
        Progress.say("intake, %d B bodies: warm-up (%s, then until the JIT is quiet)", size, settings.warmUp());
        long start = System.nanoTime();
        closedLoop(bodies, settings.warmUp(), watcher);
        while (System.nanoTime() - start < MAX_WARM_UP.toNanos()) {
            double jitBefore = CpuAccount.jit(gateway.pid());
            long stepStart = System.nanoTime();
            closedLoop(bodies, WARM_UP_STEP, watcher);
            double share = (CpuAccount.jit(gateway.pid()) - jitBefore) / ((System.nanoTime() - stepStart) / 1e9);
            if (share < JIT_QUIET) {
                break;
            }
            Progress.say("intake, %d B bodies: the JIT still used %.0f %% of a core; warming up further", size,
                    share * 100);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /**
     * {@code clients} clients filing reports back to back for {@code duration}: each sends its next request as soon as
     * its previous answer arrived (on the client's event loop, no thread blocked per client).
     */
    private Map<String, Object> closedLoop(List<byte[]> bodies, Duration duration, DeliveryWatcher watcher)
            throws Exception {
        Duration settled = Backlog.awaitEmpty(environment, Duration.ofMinutes(5));
        Latency answered = new Latency();
        Queue<Accepted> accepted = new ConcurrentLinkedQueue<>();
        AtomicLong refused = new AtomicLong();
        Measurement measurement = new Measurement(gateway);
        long end = measurement.start + duration.toNanos();
        List<CompletableFuture<Void>> clients = new ArrayList<>();
        for (int c = 0; c < settings.clients(); c++) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            fileUntil(end, c, bodies, answered, accepted, refused, done);
            clients.add(done);
        }
        CompletableFuture.allOf(clients.toArray(CompletableFuture[]::new)).get(duration.toSeconds() + 300,
                TimeUnit.SECONDS);
        Map<String, Object> run = measurement.finish(accepted.size());
        run.put("clients", settings.clients());
        run.put("settledSeconds", settled.toMillis() / 1000.0);
        return delivered(run, answered, List.copyOf(accepted), refused.get(), measurement, watcher);
    }

    /** One closed-loop client: request {@code i}, then {@code i + clients} once answered, until {@code end}. */
    private void fileUntil(long end, int i, List<byte[]> bodies, Latency answered, Queue<Accepted> accepted,
            AtomicLong refused, CompletableFuture<Void> done) {
        if (System.nanoTime() >= end) {
            done.complete(null);
            return;
        }
        long sent = System.nanoTime();
        load.post(platformKeys.get(i % platformKeys.size()), "/v1/reports?finish=true", bodies.get(i % bodies.size()))
                .whenComplete((answer, error) -> {
                    if (error != null) {
                        done.completeExceptionally(error);
                        return;
                    }
                    long at = System.nanoTime();
                    answered.record(at - sent);
                    accept(answer, at, accepted, refused);
                    fileUntil(end, i + settings.clients(), bodies, answered, accepted, refused, done);
                });
    }

    /**
     * Reports sent at {@code rate}/s whatever the answers' pace, for the run's duration, after a {@link #LEAD_IN} at
     * the same rate that is not measured: the first seconds at a new rate send the gateway down
     * paths the closed loop did not (groups of one, small relay rounds), and its JIT compiled them then (up to 1.6 s
     * of CPU in the first seconds of a half-maximum run, docs/performance.md). What the lead-in lost or duplicated is
     * counted with the run. Latency counts from each request's scheduled time; {@code sendLag} says how late the
     * harness itself sent them (its own pauses, which the latency then includes).
     */
    private Map<String, Object> openLoop(List<byte[]> bodies, double rate, DeliveryWatcher watcher) throws Exception {
        Map<String, Object> leadIn = openLoopFor(LEAD_IN, bodies, rate, watcher);
        Map<String, Object> run = openLoopFor(settings.duration(), bodies, rate, watcher);
        run.put("leadInSeconds", LEAD_IN.toSeconds());
        for (String count : List.of("lost", "duplicated")) {
            run.put(count, ((Number) run.get(count)).longValue() + ((Number) leadIn.get(count)).longValue());
        }
        return run;
    }

    /** An open loop at {@code rate}/s for {@code duration}, measured. */
    private Map<String, Object> openLoopFor(Duration duration, List<byte[]> bodies, double rate,
            DeliveryWatcher watcher) throws Exception {
        Latency answered = new Latency();
        Latency late = new Latency();
        Queue<Accepted> accepted = new ConcurrentLinkedQueue<>();
        AtomicLong refused = new AtomicLong();
        long interval = (long) (1e9 / rate);
        long count = duration.toNanos() / interval;
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        Duration settled = Backlog.awaitEmpty(environment, Duration.ofMinutes(5));
        Measurement measurement = new Measurement(gateway);
        for (long i = 0; i < count; i++) {
            long intended = measurement.start + i * interval;
            LockSupport.parkNanos(intended - System.nanoTime());
            late.record(System.nanoTime() - intended);
            int n = (int) i;
            pending.add(load.post(platformKeys.get(n % platformKeys.size()), "/v1/reports?finish=true",
                    bodies.get(n % bodies.size())).thenAccept(answer -> {
                        long at = System.nanoTime();
                        answered.record(at - intended);
                        accept(answer, at, accepted, refused);
                    }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        Map<String, Object> run = measurement.finish(accepted.size());
        run.put("targetPerSecond", Math.round(rate));
        run.put("sendLag", late.summary());
        run.put("settledSeconds", settled.toMillis() / 1000.0);
        return delivered(run, answered, List.copyOf(accepted), refused.get(), measurement, watcher);
    }

    private static void accept(LoadClient.Answer answer, long at, Queue<Accepted> accepted, AtomicLong refused) {
        if (answer.status() != 202) {
            refused.incrementAndGet();
            return;
        }
        try {
            JsonNode body = GatewayApi.parse(answer.body());
            List<String> destinations = new ArrayList<>();
            body.path("destinations").forEach(d -> destinations.add(d.asText()));
            accepted.add(new Accepted(body.path("reportId").asText(), destinations, at));
        } catch (IOException e) {
            refused.incrementAndGet();
        }
    }

    /** Waits for every accepted report at every destination and adds delivery figures to the run. */
    private Map<String, Object> delivered(Map<String, Object> run, Latency answered, List<Accepted> accepted,
            long refused, Measurement measurement, DeliveryWatcher watcher) throws InterruptedException {
        Set<DeliveryWatcher.Arrival> expected = new HashSet<>();
        accepted.forEach(a -> a.destinations().forEach(d -> expected.add(new DeliveryWatcher.Arrival(a.reportId(),
                d))));
        Set<DeliveryWatcher.Arrival> missing = watcher.awaitAll(expected, Duration.ofMinutes(2));
        Latency onTopic = new Latency();
        long lastArrival = measurement.start;
        long duplicated = 0;
        for (Accepted report : accepted) {
            for (String destination : report.destinations()) {
                Long at = watcher.arrivedAt(report.reportId(), destination);
                if (at != null) {
                    onTopic.record(Math.max(0, at - report.answeredAt()));
                    lastArrival = Math.max(lastArrival, at);
                }
                duplicated += Math.max(0, watcher.times(report.reportId(), destination) - 1);
            }
        }
        watcher.forget(expected);
        run.put("refused", refused);
        run.put("deliveries", expected.size());
        run.put("lost", missing.size());
        run.put("duplicated", duplicated);
        run.put("deliveredPerSecond", Math.round(accepted.size() / ((lastArrival - measurement.start) / 1e9)));
        run.put("postTo2xx", answered.summary());
        run.put("answerToTopic", onTopic.summary());
        return run;
    }

    private static double ratio(Object numerator, Object denominator) {
        return Math.round(((Number) numerator).doubleValue() / ((Number) denominator).doubleValue() * 1000) / 1000.0;
    }

    /** CPU, heap and RSS of the gateway over one run, sampled while it lasts. */
    private static final class Measurement {

        private final GatewayProcess gateway;
        private final long start;
        private final double cpuBefore;
        private final Map<String, Double> partsBefore;
        private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();

        Measurement(GatewayProcess gateway) throws IOException {
            this.gateway = gateway;
            gateway.resetPeaks();
            this.cpuBefore = gateway.cpuSeconds();
            this.partsBefore = CpuAccount.now(gateway.pid());
            sampler.scheduleAtFixedRate(gateway::sampleHeap, 0, 500, TimeUnit.MILLISECONDS);
            this.start = System.nanoTime();
        }

        Map<String, Object> finish(long accepted) throws IOException, InterruptedException {
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = gateway.cpuSeconds() - cpuBefore;
            Map<String, Double> parts = CpuAccount.per1000(partsBefore, CpuAccount.now(gateway.pid()), accepted);
            sampler.shutdown();
            sampler.awaitTermination(5, TimeUnit.SECONDS);
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("seconds", Math.round(seconds * 10) / 10.0);
            run.put("accepted", accepted);
            run.put("acceptedPerSecond", Math.round(accepted / seconds));
            run.put("cpuSecondsPer1000", accepted == 0 ? null : Math.round(cpu / accepted * 1000 * 100) / 100.0);
            run.put("cpuSecondsPer1000ByPart", parts);
            run.put("peakHeapMiB", Math.round(gateway.sampleHeap() / (1024 * 1024)));
            run.put("peakRssMiB", gateway.peakRssBytes() / (1024 * 1024));
            return run;
        }
    }
}
