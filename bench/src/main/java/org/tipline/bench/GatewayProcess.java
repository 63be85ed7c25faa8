package org.tipline.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.tipline.gateway.security.ApiKeys;

/**
 * The gateway under test: the packaged application ({@code gateway/target/quarkus-app/quarkus-run.jar}) started as a child
 * JVM against the benchmark's servers, as it runs in production. It reads the child's CPU time and resident memory
 * from {@code /proc} and its heap from {@code /q/metrics}; closing it stops the child.
 */
final class GatewayProcess implements AutoCloseable {

    private static final Pattern HEAP = Pattern.compile("^jvm_memory_used_bytes\\{area=\"heap\".*} ([0-9.E+-]+)$",
            Pattern.MULTILINE);
    private static final long CLOCK_TICKS = 100;

    private final Process process;
    private final URI base;
    private final String adminKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private double peakHeapBytes;

    private GatewayProcess(Process process, URI base, String adminKey) {
        this.process = process;
        this.base = base;
        this.adminKey = adminKey;
    }

    /** Starts the gateway on a free port with {@code config} and waits until it is ready (at most 120 s). */
    static GatewayProcess start(Path jar, Map<String, String> config, List<String> jvmOptions, Path log)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException(jar + " is missing: build it with ./mvnw -DskipTests package");
        }
        int port = freePort();
        String adminKey = ApiKeys.generate();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(jvmOptions);
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dtipline.security.bootstrap-admin-key-sha256=" + HexFormat.of().formatHex(ApiKeys.hash(
                adminKey)));
        command.add("-jar");
        command.add(jar.toString());
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        GatewayProcess gateway = new GatewayProcess(process, URI.create("http://127.0.0.1:" + port), adminKey);
        gateway.awaitReady(log);
        return gateway;
    }

    private void awaitReady(Path log) throws IOException {
        try {
            Awaitility.await("the gateway is ready").atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(250)).until(() -> {
                        if (!process.isAlive()) {
                            throw new IOException("The gateway exited with " + process.exitValue() + "; see " + log);
                        }
                        try {
                            return http.send(HttpRequest.newBuilder(base.resolve("/q/health/ready")).build(),
                                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
                        } catch (IOException e) {
                            return false; // not listening yet
                        }
                    });
        } catch (ConditionTimeoutException e) {
            throw new IOException("The gateway was not ready within 120 s; see " + log, e);
        }
    }

    URI base() {
        return base;
    }

    String adminKey() {
        return adminKey;
    }

    long pid() {
        return process.pid();
    }

    /** User + system CPU seconds the gateway used so far. */
    double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
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
            Files.writeString(Path.of("/proc", String.valueOf(process.pid()), "clear_refs"), "5");
        } catch (IOException e) {
            // not Linux, or not allowed: the peak stays the process's lifetime peak
        }
    }

    /** Samples the heap in use (from /q/metrics) and returns the peak seen so far, in bytes. */
    double sampleHeap() {
        try {
            String metrics = http.send(HttpRequest.newBuilder(base.resolve("/q/metrics")).build(),
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
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith(name + ":")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return -1;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
