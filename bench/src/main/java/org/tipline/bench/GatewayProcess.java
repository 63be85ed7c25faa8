package org.tipline.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tipline.localstack.PackagedGateway;

/**
 * The gateway under test: the packaged application ({@code gateway/target/quarkus-app/quarkus-run.jar}) started as a child
 * JVM against the benchmark's servers, as it runs in production. It reads the child's CPU time and resident memory
 * from {@code /proc} and its heap from {@code /q/metrics}; closing it stops the child.
 */
final class GatewayProcess implements AutoCloseable {

    private static final Pattern HEAP = Pattern.compile("^jvm_memory_used_bytes\\{area=\"heap\".*} ([0-9.E+-]+)$",
            Pattern.MULTILINE);
    private static final long CLOCK_TICKS = 100;

    private final PackagedGateway gateway;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private double peakHeapBytes;

    private GatewayProcess(PackagedGateway gateway) {
        this.gateway = gateway;
    }

    /** Starts the gateway on a free port with {@code config} and waits until it is ready (at most 120 s). */
    static GatewayProcess start(Path jar, Map<String, String> config, List<String> jvmOptions, Path log)
            throws IOException {
        return new GatewayProcess(PackagedGateway.start(jar, config, jvmOptions, log, 0));
    }

    URI base() {
        return gateway.base();
    }

    String adminKey() {
        return gateway.adminKey();
    }

    long pid() {
        return gateway.pid();
    }

    /** User + system CPU seconds the gateway used so far. */
    double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(gateway.pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) CLOCK_TICKS;
    }

    /** Peak resident set size so far (VmHWM), in bytes. */
    long peakRssBytes() throws IOException {
        return statusField("VmHWM");
    }

    /** Starts a new peak for heap and RSS (Linux resets VmHWM on writing 5 to clear_refs). */
    void resetPeaks() {
        peakHeapBytes = 0;
        try {
            Files.writeString(Path.of("/proc", String.valueOf(gateway.pid()), "clear_refs"), "5");
        } catch (IOException e) {
            // not Linux, or not allowed: the peak stays the process's lifetime peak
        }
    }

    /** Samples the heap in use (from /q/metrics) and returns the peak seen so far, in bytes. */
    double sampleHeap() {
        try {
            String metrics = http.send(HttpRequest.newBuilder(gateway.management().resolve("/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher heap = HEAP.matcher(metrics);
            double used = 0;
            while (heap.find()) {
                used += Double.parseDouble(heap.group(1));
            }
            peakHeapBytes = Math.max(peakHeapBytes, used);
        } catch (IOException e) {
            // a missed sample
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return peakHeapBytes;
    }

    private long statusField(String name) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(gateway.pid()), "status"))) {
            if (line.startsWith(name + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return -1;
    }

    @Override
    public void close() {
        gateway.close();
    }
}
