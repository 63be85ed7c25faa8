package org.tipline.tools.intake;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jose4j.jwk.JsonWebKeySet;
import org.tipline.core.envelope.AckSigner;
import org.tipline.core.envelope.EnvelopeOpener;
import org.tipline.core.envelope.EnvelopeVerifier;
import org.tipline.core.envelope.ReceiverKeys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The reference intake consumer: what a hotline or law-enforcement intake system runs to receive its reports. It
 * consumes the destination's urgent lane before its normal lane and, for each record, first verifies the envelope's
 * signature (type {@code tipline-envelope+jws}) against the gateway's {@code /v1/keys}: anything that does not verify
 * — a forgery, garbage, a tombstone, another destination's or an unknown version — is refused and skipped, never
 * written, never acknowledged, and never counted as seen (so a forged copy cannot shadow the real message). A
 * verified envelope is opened with the destination's private key, de-duplicated by messageId, written to
 * {@code <out>/<reportId>/<kind>-<messageId>.json} (names made from the validated ids only) and its report
 * acknowledged ACCEPTED with a case reference, over HTTP (intake key) or Kafka (signed with the destination's key).
 */
@Command(name = "tipline-intake", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Receive, verify, store and acknowledge the reports routed to one destination.")
public class IntakeConsumerCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    @Option(names = "--destination", required = true, description = "Destination id, e.g. ncmec")
    String destination;

    @Option(names = "--local", defaultValue = ".tipline",
            description = "Folder of a local run (stack.json, demo-credentials.json) for defaults (${DEFAULT-VALUE})")
    Path local;

    @Option(names = "--gateway", description = "Gateway URL (default: httpUrl of stack.json)")
    URI gateway;

    @Option(names = "--bootstrap-servers", description = "Kafka (default: kafkaBootstrapServers of stack.json)")
    String bootstrapServers;

    @Option(names = "--key", description = "Intake API key (default: the demo key of the destination)")
    String key;

    @Option(names = "--out", defaultValue = "received", description = "Folder for received messages (${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--ack-via", defaultValue = "http", description = "http or kafka (${DEFAULT-VALUE})")
    String ackVia;

    @Option(names = "--topic-prefix", defaultValue = "tipline", description = "Topic prefix (${DEFAULT-VALUE})")
    String topicPrefix;

    @Option(names = "--private-keys", description = "The destination's private JWKS (default: the local run's,"
            + " <local>/keys/receivers/<destination>.private.jwks.json)")
    Path privateKeys;

    @Option(names = "--group", description = "Consumer group (default: tipline-intake-<destination>)")
    String group;

    @Option(names = "--max-messages", defaultValue = "0", description = "Stop after this many messages (0: never)")
    int maxMessages;

    @Option(names = "--idle-exit", defaultValue = "0", description = "Stop after this many idle seconds (0: never)")
    int idleExitSeconds;

    private static final Set<String> KINDS = Set.of("REPORT", "SUPPLEMENT", "ESCALATION", "RETRACTION");

    private final Set<String> seen = new HashSet<>();
    private EnvelopeOpener opener;
    private AckSigner ackSigner;
    private int refused;
    private HttpClient http;
    private KafkaProducer<String, String> ackProducer;
    private int received;
    private int sequence;

    public static void main(String... args) {
        System.exit(new CommandLine(new IntakeConsumerCommand()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        applyLocalDefaults();
        if (gateway == null || bootstrapServers == null || key == null || privateKeys == null
                || !Files.isRegularFile(privateKeys)) {
            spec.commandLine().getErr().println("Give --gateway, --bootstrap-servers, --key and --private-keys (or"
                    + " run next to a local run's .tipline)");
            return 2;
        }
        JsonWebKeySet keys = ReceiverKeys.read(privateKeys);
        opener = new EnvelopeOpener(keys);
        ackSigner = "kafka".equals(ackVia) ? new AckSigner(ReceiverKeys.key(keys, "sig")) : null;
        Files.createDirectories(out);
        EnvelopeVerifier verifier = EnvelopeVerifier.fromGateway(gateway);
        http = HttpClient.newHttpClient();
        String urgent = topicPrefix + ".intake." + destination + ".urgent";
        String normal = topicPrefix + ".intake." + destination;
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(urgent, normal));
            out().printf("Receiving for %s from %s and %s; writing to %s%n", destination, urgent, normal, out);
            Instant lastMessage = Instant.now();
            while (maxMessages == 0 || received < maxMessages) {
                List<ConsumerRecord<String, String>> batch = new ArrayList<>();
                consumer.poll(Duration.ofMillis(500)).forEach(batch::add);
                batch.sort(Comparator.comparing((ConsumerRecord<String, String> r) -> !r.topic().equals(urgent)));
                for (ConsumerRecord<String, String> record : batch) {
                    handle(record, verifier);
                }
                consumer.commitSync();
                if (!batch.isEmpty()) {
                    lastMessage = Instant.now();
                } else if (idleExitSeconds > 0
                        && Duration.between(lastMessage, Instant.now()).toSeconds() >= idleExitSeconds) {
                    break;
                }
            }
        } finally {
            if (ackProducer != null) {
                ackProducer.close();
            }
        }
        out().printf("Received %d messages%s%n", received, refused == 0 ? "" : ", refused " + refused);
        return 0;
    }

    private void handle(ConsumerRecord<String, String> record, EnvelopeVerifier verifier) throws Exception {
        String where = record.topic() + "-" + record.partition() + "@" + record.offset();
        JsonNode envelope = parse(record.value());
        if (envelope == null) {
            refuse(where, "not an envelope (a tombstone, or not JSON)");
            return;
        }
        if (!verifier.verify(envelope)) {
            refuse(where, "its signature does not verify with the gateway's keys");
            return;
        }
        String kind = envelope.path("kind").asText();
        UUID messageId = uuid(envelope.path("messageId").asText());
        UUID reportId = uuid(envelope.path("reportId").asText());
        if (envelope.path("schemaVersion").asInt() != 2 || !destination.equals(envelope.path("destination").asText())
                || !KINDS.contains(kind) || messageId == null || reportId == null) {
            refuse(where, "a version, destination, kind or id this consumer does not take");
            return;
        }
        ObjectNode opened;
        try {
            opened = opener.open(envelope);
        } catch (IOException e) {
            refuse(where, "it cannot be opened with the destination's key (" + e.getMessage() + ")");
            return;
        }
        if (!seen.add(messageId.toString())) {
            out().printf("duplicate  %s %s (message %s) ignored%n", kind, reportId, messageId);
            return;
        }
        received++;
        Path file = out.resolve(reportId.toString()).resolve(kind.toLowerCase(java.util.Locale.ROOT) + "-"
                + messageId + ".json");
        Files.createDirectories(file.getParent());
        JSON.writeValue(file.toFile(), opened);
        String lane = record.topic().endsWith(".urgent") ? "urgent" : "normal";
        out().printf("%-10s %s %s priority %s, signature valid, %s lane -> %s%n", "received", kind, reportId,
                envelope.path("priority").asText(), lane, file);
        if (!"REPORT".equals(kind)) {
            return;
        }
        String reference = destination.toUpperCase(java.util.Locale.ROOT) + "-" + Instant.now().getEpochSecond()
                + "-" + (++sequence);
        ObjectNode ack = JSON.createObjectNode().put("reportId", reportId.toString()).put("destination", destination)
                .put("status", "ACCEPTED").put("externalReference", reference);
        acknowledge(reportId.toString(), ack);
        out().printf("%-10s %s ACCEPTED as %s%n", "ack", reportId, reference);
    }

    private void refuse(String where, String why) {
        refused++;
        out().printf("%-10s the record at %s: %s; skipped, not acknowledged%n", "refused", where, why);
    }

    private static JsonNode parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(value);
            return node instanceof ObjectNode ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static UUID uuid(String text) {
        try {
            UUID id = UUID.fromString(text);
            return id.toString().equals(text.toLowerCase(java.util.Locale.ROOT)) ? id : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private void acknowledge(String reportId, ObjectNode ack) throws IOException, InterruptedException {
        if ("kafka".equals(ackVia)) {
            if (ackProducer == null) {
                ackProducer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                        StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
            }
            ackProducer.send(new ProducerRecord<>(topicPrefix + ".intake.acks", reportId, ackSigner.sign(ack)));
            ackProducer.flush();
            return;
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(gateway.resolve("/v1/intake/" + destination
                + "/acks")).header("Authorization", "Bearer " + key).header("Idempotency-Key", UUID.randomUUID()
                        .toString())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ack.toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            out().printf("ack of %s answered %d: %s%n", reportId, response.statusCode(), response.body());
        }
    }

    private KafkaConsumer<String, String> consumer() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, group != null ? group : "tipline-intake-" + destination);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(properties);
    }

    private void applyLocalDefaults() throws IOException {
        Path stack = local.resolve("stack.json");
        if (Files.exists(stack)) {
            JsonNode endpoints = JSON.readTree(stack.toFile());
            gateway = gateway != null ? gateway : URI.create(endpoints.path("httpUrl").asText());
            bootstrapServers = bootstrapServers != null
                    ? bootstrapServers
                    : endpoints.path("kafkaBootstrapServers").asText();
        }
        if (privateKeys == null) {
            privateKeys = ReceiverKeys.privateFile(local.resolve("keys").resolve("receivers"), destination);
        }
        Path credentials = local.resolve("demo-credentials.json");
        if (key == null && Files.exists(credentials)) {
            JsonNode intake = JSON.readTree(credentials.toFile()).path("intake").path(destination);
            key = intake.isTextual() ? intake.asText() : null;
        }
    }

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
