package org.tipline.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged gateway ({@code gateway/target/quarkus-app/quarkus-run.jar}) as a child JVM, production profile, with a
 * bootstrap admin key of its own: for tests and the bench that need the gateway as an operator runs it, or several of
 * it. {@link #kill()} is {@code kill -9}; {@link #close()} stops it gracefully. Starting fails with an
 * {@link IOException} naming the log when the gateway exits or is not ready in time.
 */
public final class PackagedGateway implements AutoCloseable {

    /** Where the build puts the packaged gateway, relative to the repository root. */
    public static final String JAR = "gateway/target/quarkus-app/quarkus-run.jar";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Process process;
    private final URI base;
    private final URI management;
    private final String adminKey;

    private PackagedGateway(Process process, URI base, URI management, String adminKey) {
        this.process = process;
        this.base = base;
        this.management = management;
        this.adminKey = adminKey;
    }

    /**
     * Starts the gateway with {@code config} (as system properties) on {@code port} (0: a free one), its management
     * interface on a free port, and waits until {@code /q/health/ready} answers 200.
     */
    public static PackagedGateway start(Path jar, Map<String, String> config, List<String> jvmOptions, Path log,
            int port) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException(jar + " is missing: build it with ./mvnw -B -ntp -DskipTests package");
        }
        int httpPort = port > 0 ? port : freePort();
        int managementPort = freePort();
        String adminKey = newApiKey();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(jvmOptions);
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-Dquarkus.http.port=" + httpPort);
        command.add("-Dquarkus.http.host=127.0.0.1");
        command.add("-Dquarkus.management.port=" + managementPort);
        command.add("-Dquarkus.management.host=127.0.0.1");
        command.add("-Dtipline.security.bootstrap-admin-key-sha256=" + sha256Hex(adminKey));
        command.add("-jar");
        command.add(jar.toString());
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PackagedGateway gateway = new PackagedGateway(process, URI.create("http://127.0.0.1:" + httpPort),
                URI.create("http://127.0.0.1:" + managementPort), adminKey);
        try {
            gateway.awaitReady(log);
        } catch (IOException | RuntimeException e) {
            gateway.kill();
            throw e;
        }
        return gateway;
    }

    /** A new API key in the gateway's format: {@code tlk_} and 256 random bits in base64url. */
    public static String newApiKey() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return "tlk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** What {@code tipline.security.bootstrap-admin-key-sha256} expects for {@code key}. */
    public static String sha256Hex(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private void awaitReady(Path log) throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("The gateway exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(
                        HttpRequest.newBuilder(management.resolve("/q/health/ready")).timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while waiting for the gateway", e);
            }
            pause();
        }
        throw new IOException("The gateway was not ready within " + READY_TIMEOUT + "; see " + log);
    }

    private static void pause() throws IOException {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for the gateway", e);
        }
    }

    /** Where the gateway listens, e.g. {@code http://127.0.0.1:41234}. */
    public URI base() {
        return base;
    }

    /** Its management interface (health, metrics), e.g. {@code http://127.0.0.1:41235}. */
    public URI management() {
        return management;
    }

    /** The admin key registered at its start. */
    public String adminKey() {
        return adminKey;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the gateway at once ({@code kill -9}): no shutdown hook, no graceful stop. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Stops the gateway gracefully (SIGTERM), killing it if it has not stopped within 30 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
        }
    }

    /** A port free on the loopback address now (for a gateway, or its management interface, to listen on). */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
