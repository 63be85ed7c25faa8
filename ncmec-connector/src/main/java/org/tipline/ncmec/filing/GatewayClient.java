package org.tipline.ncmec.filing;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.tipline.core.envelope.EnvelopeVerifier;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The gateway as the connector reaches it, like any intake system: its public keys, the evidence of a forwarded
 * report (streamed), and acknowledgements, all with the destination's intake credential.
 */
public final class GatewayClient {

    /** How an acknowledgement went. */
    public enum AckResult {
        /** Recorded (or recorded identically before). */
        RECORDED,
        /** Another acknowledgement was recorded before: this one changes nothing. */
        CONFLICT,
        /** The gateway knows no delivery of that report to this destination. */
        UNKNOWN_DELIVERY
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final String destination;
    private final String intakeKey;
    private final HttpClient http;
    private final Duration timeout;

    public GatewayClient(URI base, String destination, String intakeKey, Duration connectTimeout, Duration timeout) {
        this.base = base;
        this.destination = destination;
        this.intakeKey = intakeKey;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
        this.timeout = timeout;
    }

    /** A verifier with the gateway's current public keys. */
    public EnvelopeVerifier verifier() throws IOException {
        try {
            return EnvelopeVerifier.fromGateway(base);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while fetching the gateway's keys", e);
        } catch (org.jose4j.lang.JoseException e) {
            throw new IOException("The gateway's keys cannot be read", e);
        }
    }

    /** The evidence file at {@code href} (relative to the gateway unless absolute), as a stream to read once. */
    public InputStream file(String href) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(href)).timeout(timeout)
                .header("Authorization", "Bearer " + intakeKey).GET().build();
        HttpResponse<InputStream> response = send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IOException("The gateway answered " + response.statusCode() + " for an evidence file");
        }
        return response.body();
    }

    /** Acknowledges report {@code reportId} as ACCEPTED with NCMEC's report id. */
    public AckResult accept(UUID messageId, UUID reportId, long ncmecReportId) throws IOException {
        ObjectNode ack = JSON.createObjectNode().put("reportId", reportId.toString()).put("destination", destination)
                .put("status", "ACCEPTED").put("externalReference", String.valueOf(ncmecReportId));
        return acknowledge(messageId, ack);
    }

    /** Acknowledges report {@code reportId} as REJECTED with NCMEC's code and description, or the connector's. */
    public AckResult reject(UUID messageId, UUID reportId, String reason) throws IOException {
        ObjectNode ack = JSON.createObjectNode().put("reportId", reportId.toString()).put("destination", destination)
                .put("status", "REJECTED").put("reason", reason.length() > 3000 ? reason.substring(0, 3000) : reason);
        return acknowledge(messageId, ack);
    }

    private AckResult acknowledge(UUID messageId, ObjectNode ack) throws IOException {
        // The same filing always sends the same key, so a retry of a lost answer is a replay, not a second ack.
        String idempotencyKey = UUID.nameUUIDFromBytes(("ncmec-ack:" + messageId + ":" + ack.path("status").asText())
                .getBytes(StandardCharsets.UTF_8)).toString();
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/v1/intake/" + destination + "/acks"))
                .timeout(timeout).header("Authorization", "Bearer " + intakeKey)
                .header("Idempotency-Key", idempotencyKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ack.toString())).build();
        int status = send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        return switch (status) {
            case 200 -> AckResult.RECORDED;
            case 404 -> AckResult.UNKNOWN_DELIVERY;
            case 409 -> AckResult.CONFLICT;
            default -> throw new IOException("The gateway answered " + status + " to an acknowledgement");
        };
    }

    private <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) throws IOException {
        try {
            return http.send(request, body);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while calling the gateway", e);
        }
    }
}
