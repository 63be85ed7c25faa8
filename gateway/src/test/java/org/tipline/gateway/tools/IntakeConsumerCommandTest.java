package org.tipline.gateway.tools;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipline.core.envelope.EnvelopeVerifier;
import org.tipline.gateway.support.JsonEdit;
import org.tipline.gateway.support.TestApi;
import org.tipline.tools.intake.IntakeConsumerCommand;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/** The reference intake consumer receives, verifies, stores and acknowledges, against the real broker and gateway. */
@QuarkusTest
class IntakeConsumerCommandTest {

    private static final String CSAM_WITH_URL = """
            {"incident": {"type": "CHILD_SEXUAL_ABUSE_MATERIAL", "occurredAt": "2026-01-02T03:04:05Z"},
             "reporter": {"reportingPerson": {"emails": [{"address": "trust-and-safety@example.com"}]}},
             "internetDetails": [{"kind": "WEB_PAGE", "urls": ["https://content.example/synthetic/1"]}]}
            """;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @TempDir
    Path out;

    @Test
    void aHotlineReceivesVerifiesStoresAndAcknowledges() throws IOException {
        // Given two reports routed to the IWF (a hotline platform's CSAM reports with URLs)
        String platform = TestApi.newPlatform("HOTLINE");
        List<String> ids = Stream.of(1, 2).map(i -> TestApi.as(platform).contentType("application/json")
                .body(CSAM_WITH_URL).post("/v1/reports?finish=true").then().statusCode(202).extract()
                .<String>path("reportId")).toList();
        // When
        int exit = new CommandLine(new IntakeConsumerCommand()).execute("--destination", "iwf",
                "--gateway", "http://localhost:" + RestAssured.port, "--bootstrap-servers", bootstrapServers,
                "--key", TestApi.newIntakeKey("iwf"), "--out", out.toString(), "--group", "test-" + UUID.randomUUID(),
                "--local", out.resolve("no-local-run").toString(), "--idle-exit", "3", "--private-keys",
                org.tipline.gateway.support.TestReceivers.privateKeys("iwf").toString());
        // Then
        assertThat(exit).isZero();
        for (String id : ids) {
            Path folder = out.resolve(id);
            assertThat(folder).isDirectory();
            try (Stream<Path> files = Files.list(folder)) {
                assertThat(files).singleElement().satisfies(f -> assertThat(f.getFileName().toString())
                        .startsWith("report-"));
            }
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> "ACKNOWLEDGED".equals(TestApi.as(platform)
                    .get("/v1/reports/" + id).jsonPath()
                    .getString("destinations.find { it.destination == 'iwf' }.state")));
            assertThat(TestApi.as(platform).get("/v1/reports/" + id).jsonPath()
                    .getString("destinations.find { it.destination == 'iwf' }.externalReference")).startsWith("IWF-");
        }
    }

    @Test
    void aForgedEnvelopeDoesNotVerify() throws Exception {
        // Given a genuine envelope from the topic
        String platform = TestApi.newPlatform("HOTLINE");
        String id = TestApi.as(platform).contentType("application/json").body(CSAM_WITH_URL)
                .post("/v1/reports?finish=true").then().statusCode(202).extract().path("reportId");
        EnvelopeVerifier verifier = EnvelopeVerifier
                .fromGateway(java.net.URI.create("http://localhost:" + RestAssured.port));
        ObjectNode envelope;
        try (var reader = new org.tipline.gateway.support.TopicReader(bootstrapServers,
                List.of("tipline.intake.iwf"))) {
            envelope = (ObjectNode) org.tipline.gateway.support.TopicReader.rawEnvelopes(reader.awaitRecords(
                    List.of(id), Duration.ofSeconds(30), r -> !r.isEmpty())).get(0);
        }
        // When / Then
        assertThat(verifier.verify(envelope)).isTrue();
        ObjectNode forged = envelope.deepCopy();
        forged.put("priority", "P1_IMMINENT");
        assertThat(verifier.verify(forged)).isFalse();
        assertThat(verifier.verify(JsonEdit.set("/signature", "\"e30..AAAA\"").apply(envelope))).isFalse();
    }

    @Test
    void hostileRecordsAreRefusedAndNeverKeepTheGenuineReportFromBeingStoredAndAcknowledged() throws Exception {
        // Given a genuine report on the iwf's normal lane
        String platform = TestApi.newPlatform("HOTLINE");
        String id = TestApi.as(platform).contentType("application/json").body(CSAM_WITH_URL)
                .post("/v1/reports?finish=true").then().statusCode(202).extract().path("reportId");
        ObjectNode genuine;
        try (var reader = new org.tipline.gateway.support.TopicReader(bootstrapServers,
                List.of("tipline.intake.iwf"))) {
            genuine = (ObjectNode) org.tipline.gateway.support.TopicReader.rawEnvelopes(reader.awaitRecords(
                    List.of(id), Duration.ofSeconds(30), r -> !r.isEmpty())).get(0);
        }
        // and, on the urgent lane (read first), a forged copy with the same message id, one whose ids climb out of
        // the output folder, a tombstone, garbage and a JSON array
        ObjectNode sameMessage = genuine.deepCopy().put("priority", "P1_IMMINENT");
        ObjectNode escaping = genuine.deepCopy().put("reportId", "../../escaped").put("messageId", "../escaped");
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(java.util.Map.of(
                "bootstrap.servers", bootstrapServers, "key.serializer",
                org.apache.kafka.common.serialization.StringSerializer.class, "value.serializer",
                org.apache.kafka.common.serialization.StringSerializer.class))) {
            for (String value : new String[]{sameMessage.toString(), escaping.toString(), null, "\u0000{not json",
                    "[1, 2, 3]"}) {
                producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>("tipline.intake.iwf.urgent", id,
                        value));
            }
        }
        Path received = out.resolve("received");
        java.io.StringWriter output = new java.io.StringWriter();
        // When
        CommandLine command = new CommandLine(new IntakeConsumerCommand());
        command.setOut(new java.io.PrintWriter(output, true));
        int exit = command.execute("--destination", "iwf", "--gateway", "http://localhost:" + RestAssured.port,
                "--bootstrap-servers", bootstrapServers, "--key", TestApi.newIntakeKey("iwf"), "--out",
                received.toString(), "--group", "test-" + UUID.randomUUID(), "--local",
                out.resolve("no-local-run").toString(), "--idle-exit", "3", "--private-keys",
                org.tipline.gateway.support.TestReceivers.privateKeys("iwf").toString());
        // Then: the five hostile records are refused, nothing of theirs written, the genuine report stored and acked
        assertThat(exit).isZero();
        String log = output.toString();
        assertThat(log.lines().filter(l -> l.startsWith("refused"))).hasSizeGreaterThanOrEqualTo(5);
        assertThat(log.lines().filter(l -> l.startsWith("ack") && l.contains(id))).hasSize(1);
        assertThat(log).doesNotContain("escaped");
        try (Stream<Path> everything = Files.walk(out)) {
            assertThat(everything).noneMatch(p -> p.getFileName().toString().contains("escaped"));
        }
        try (Stream<Path> folders = Files.list(received)) {
            assertThat(folders).allSatisfy(folder -> assertThat(UUID.fromString(folder.getFileName().toString())
                    .toString()).isEqualTo(folder.getFileName().toString()));
        }
        try (Stream<Path> files = Files.list(received.resolve(id))) {
            assertThat(files).singleElement().satisfies(f -> assertThat(Files.readString(f)).contains(
                    "P3_STANDARD").doesNotContain("P1_IMMINENT"));
        }
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> "ACKNOWLEDGED".equals(TestApi.as(platform)
                .get("/v1/reports/" + id).jsonPath().getString("destinations.find { it.destination == 'iwf' }"
                        + ".state")));
    }
}
