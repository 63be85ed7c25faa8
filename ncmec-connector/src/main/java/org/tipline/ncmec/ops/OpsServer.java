package org.tipline.ncmec.ops;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The connector's operations endpoints, as the gateway has them: {@code /q/health/live} (the process answers),
 * {@code /q/health/ready} (every {@link Health} check up; 503 otherwise) and {@code /q/metrics} (Prometheus).
 */
public final class OpsServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;

    private OpsServer(HttpServer server) {
        this.server = server;
    }

    /** Listens on {@code port} (0: a free one) of all interfaces, for the orchestrator's probes and scrapes. */
    public static OpsServer start(int port, Health health, PrometheusMeterRegistry metrics) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 16);
        server.createContext("/q/health/live", exchange -> send(exchange, 200, "application/json",
                "{\"status\":\"UP\",\"checks\":[]}"));
        server.createContext("/q/health/ready", exchange -> {
            Map<String, String> states = health.states();
            boolean ready = states.values().stream().allMatch("UP"::equals);
            String body = JSON.createObjectNode().put("status", ready ? "UP" : "DOWN")
                    .set("checks", JSON.valueToTree(states)).toString();
            send(exchange, ready ? 200 : 503, "application/json", body);
        });
        server.createContext("/q/metrics", exchange -> send(exchange, 200,
                "text/plain; version=0.0.4; charset=utf-8", metrics.scrape()));
        server.setExecutor(null);
        server.start();
        return new OpsServer(server);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
