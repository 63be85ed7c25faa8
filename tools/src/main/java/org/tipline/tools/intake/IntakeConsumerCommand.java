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
import org.tipline.core.envelope.EnvelopeVerifier;

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
 * consumes the destination's urgent lane before its normal lane, verifies every envelope's signature against the
 * gateway's {@code /v1/keys}, de-duplicates by messageId, writes each message to a JSON file and acknowledges each
 * report (ACCEPTED with a case reference, or REJECTED when the signature does not verify) over HTTP or Kafka.
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

    @Option(names = "--group", description = "Consumer group (default: tipline-intake-<destination>)")
    String group;

    @Option(names = "--max-messages", defaultValue = "0", description = "Stop after this many messages (0: never)")
    int maxMessages;

    @Option(names = "--idle-exit", defaultValue = "0", description = "Stop after this many idle seconds (0: never)")
    int idleExitSeconds;

    private final Set<String> seen = new HashSet<>();
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
        if (gateway == null || bootstrapServers == null || key == null) {
            System.err.println("Give --gateway, --bootstrap-servers and --key (or run next to a local run's .tipline)");
            return 2;
        }
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
        out().printf("Received %d messages%n", received);
        return 0;
    }

    private void handle(ConsumerRecord<String, String> record, EnvelopeVerifier verifier) throws Exception {
        JsonNode envelope = JSON.readTree(record.value());
        String messageId = envelope.path("messageId").asText();
        String reportId = envelope.path("reportId").asText();
        String kind = envelope.path("kind").asText();
        if (!seen.add(messageId)) {
            out().printf("duplicate  %s %s (message %s) ignored%n", kind, reportId, messageId);
            return;
        }
        received++;
        boolean valid = verifier.verify(envelope);
        Path file = out.resolve(reportId).resolve(kind.toLowerCase() + "-" + messageId + ".json");
        Files.createDirectories(file.getParent());
        JSON.writeValue(file.toFile(), envelope);
        String lane = record.topic().endsWith(".urgent") ? "urgent" : "normal";
        out().printf("%-10s %s %s priority %s, signature %s, %s lane -> %s%n", "received", kind, reportId,
                envelope.path("priority").asText(), valid ? "valid" : "INVALID", lane, file);
        if (!"REPORT".equals(kind)) {
            return;
        }
        String reference = destination.toUpperCase() + "-" + Instant.now().getEpochSecond() + "-" + (++sequence);
        ObjectNode ack = JSON.createObjectNode().put("reportId", reportId).put("destination", destination);
        if (valid) {
            ack.put("status", "ACCEPTED").put("externalReference", reference);
        } else {
            ack.put("status", "REJECTED").put("reason", "the envelope's signature does not verify");
        }
        acknowledge(reportId, ack);
        out().printf("%-10s %s %s%n", "ack", reportId, valid ? "ACCEPTED as " + reference : "REJECTED");
    }

    private void acknowledge(String reportId, ObjectNode ack) throws IOException, InterruptedException {
        if ("kafka".equals(ackVia)) {
            if (ackProducer == null) {
                ackProducer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                        ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                        StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
            }
            ackProducer.send(new ProducerRecord<>(topicPrefix + ".intake.acks", reportId, ack.toString()));
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
