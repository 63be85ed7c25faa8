package org.tipline.gateway.delivery;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.tipline.gateway.support.JsonEdit;
import org.tipline.gateway.support.SyntheticReports;
import org.tipline.gateway.support.TestApi;
import org.tipline.gateway.support.TestReceivers;
import org.tipline.gateway.support.TestStack;
import org.tipline.localstack.LocalKafka;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tipline.gateway.support.Problems.assertProblem;

/** Receivers acknowledge over REST or Kafka; the report's delivery state follows; bad acks never stop anything. */
@QuarkusTest
class AcknowledgementTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static String submitted(String platform) {
        return TestApi.as(platform).contentType("application/json").body(SyntheticReports.minimal())
                .post("/v1/reports?finish=true").then().statusCode(202).extract().path("reportId");
    }

    private static Response ack(String intakeKey, String destination, String body) {
        return TestApi.as(intakeKey).contentType("application/json").body(body)
                .post("/v1/intake/" + destination + "/acks");
    }

    private static String deliveryOf(String platform, String reportId, String field) {
        return TestApi.as(platform).get("/v1/reports/" + reportId).jsonPath().getString("destinations[0]." + field);
    }

    @Test
    void anAcceptanceOverRestShowsAsAcknowledgedWithTheReference() {
        // Given
        String platform = TestApi.newPlatform();
        String id = submitted(platform);
        String ncmec = TestApi.newIntakeKey("ncmec");
        // When
        Response response = ack(ncmec, "ncmec", "{\"reportId\": \"" + id + "\", \"status\": \"ACCEPTED\","
                + " \"externalReference\": \"CT-2026-000123\"}");
        // Then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(deliveryOf(platform, id, "state")).isEqualTo("ACKNOWLEDGED");
        assertThat(deliveryOf(platform, id, "externalReference")).isEqualTo("CT-2026-000123");
        assertThat(deliveryOf(platform, id, "acknowledgedAt")).isNotNull();
    }

    @Test
    void repeatingAnAckIsHarmlessAndContradictingItIs409() {
        // Given
        String id = submitted(TestApi.newPlatform());
        String ncmec = TestApi.newIntakeKey("ncmec");
        String rejected = "{\"reportId\": \"" + id
                + "\", \"status\": \"REJECTED\", \"reason\": \"synthetic: duplicate\"}";
        ack(ncmec, "ncmec", rejected).then().statusCode(200);
        // When / Then
        assertThat(ack(ncmec, "ncmec", rejected).statusCode()).isEqualTo(200);
        assertProblem(ack(ncmec, "ncmec", "{\"reportId\": \"" + id + "\", \"status\": \"ACCEPTED\","
                + " \"externalReference\": \"X\"}"), 409);
    }

    @Test
    void badAcksAreRefusedClearly() {
        String id = submitted(TestApi.newPlatform());
        String ncmec = TestApi.newIntakeKey("ncmec");
        assertProblem(ack(ncmec, "ncmec", "{\"reportId\": \"" + id + "\", \"status\": \"ACCEPTED\"}"), 422);
        assertProblem(ack(ncmec, "ncmec", "{\"reportId\": \"" + id + "\", \"status\": \"MAYBE\"}"), 422);
        assertProblem(ack(ncmec, "ncmec", "{\"reportId\": \"00000000-0000-7000-8000-000000000000\","
                + " \"status\": \"REJECTED\", \"reason\": \"r\"}"), 404);
        assertProblem(ack(ncmec, "ncmec", "{\"reportId\": \"" + id + "\", \"destination\": \"nca\","
                + " \"status\": \"REJECTED\", \"reason\": \"r\"}"), 422);
        assertProblem(ack(TestApi.newIntakeKey("nca"), "ncmec", "{}"), 403);
        assertProblem(ack(TestApi.newIntakeKey("nca"), "nca", "{\"reportId\": \"" + id + "\", \"status\": \"REJECTED\","
                + " \"reason\": \"r\"}"), 404);
    }

    @Test
    void acksOnKafkaAreRecordedAndBadOnesSkippedWithoutStoppingTheConsumer() {
        // Given
        String platform = TestApi.newPlatform();
        String id = submitted(platform);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            // When: garbage, an unknown report, then the real acknowledgement
            producer.send(new ProducerRecord<>("tipline.intake.acks", id, "{not json"));
            producer.send(new ProducerRecord<>("tipline.intake.acks", id, TestReceivers.signedAck("ncmec",
                    (com.fasterxml.jackson.databind.node.ObjectNode) JsonEdit.parse("{\"reportId\": "
                            + "\"00000000-0000-7000-8000-000000000000\", \"destination\": \"ncmec\","
                            + " \"status\": \"REJECTED\", \"reason\": \"r\"}"))));
            producer.send(new ProducerRecord<>("tipline.intake.acks", id, TestReceivers.signedAck("ncmec",
                    (com.fasterxml.jackson.databind.node.ObjectNode) JsonEdit.parse("{\"reportId\": \"" + id + "\","
                            + " \"destination\": \"ncmec\", \"status\": \"ACCEPTED\","
                            + " \"externalReference\": \"CT-KAFKA-7\"}"))));
            producer.flush();
        }
        // Then
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> "ACKNOWLEDGED".equals(deliveryOf(platform, id, "state")));
        assertThat(deliveryOf(platform, id, "externalReference")).isEqualTo("CT-KAFKA-7");
        String metrics = org.tipline.gateway.support.Management.metrics();
        assertThat(metrics).contains("tipline_acks_total{outcome=\"INVALID\"")
                .contains("outcome=\"UNKNOWN_DELIVERY\"").contains("outcome=\"RECORDED\"");
    }

    @Test
    void anAckThatArrivesBeforeTheRelayMarksTheDeliveryKeepsItAndGainsTheForwardingTime() throws Exception {
        // Given a report not yet forwarded (the broker is down), already acknowledged by its receiver
        String platform = TestApi.newPlatform();
        LocalKafka kafka = TestStack.get().kafka().orElseThrow();
        String id;
        kafka.stop();
        try {
            id = submitted(platform);
            ack(TestApi.newIntakeKey("ncmec"), "ncmec", "{\"reportId\": \"" + id + "\", \"status\": \"ACCEPTED\","
                    + " \"externalReference\": \"CT-EARLY-1\"}").then().statusCode(200);
            assertThat(deliveryOf(platform, id, "forwardedAt")).isNull();
        } finally {
            // When the relay forwards it
            kafka.start();
        }
        // Then
        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> deliveryOf(platform, id, "forwardedAt") != null);
        assertThat(deliveryOf(platform, id, "state")).isEqualTo("ACKNOWLEDGED");
        assertThat(deliveryOf(platform, id, "externalReference")).isEqualTo("CT-EARLY-1");
    }
}
