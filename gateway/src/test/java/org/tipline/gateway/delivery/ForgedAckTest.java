package org.tipline.gateway.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.tipline.gateway.support.AuditApi;
import org.tipline.gateway.support.SyntheticReports;
import org.tipline.gateway.support.TestApi;
import org.tipline.gateway.support.TestReceivers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tipline.gateway.support.Problems.assertProblem;

/**
 * A hostile writer on the acks topic: acknowledgements that do not prove to come from their destination — unsigned,
 * signed with another destination's key, of the wrong type, backdated — change nothing, are counted and audited as
 * refused, and never keep the real receiver's acknowledgement from being recorded.
 */
@QuarkusTest
class ForgedAckTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void forgedKafkaAcksChangeNothingAndTheReceiversRestAckStillWorks() throws Exception {
        // Given a report forwarded to ncmec
        String platform = TestApi.newPlatform("US_NCMEC");
        String id = submitted(platform);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "FORWARDED".equals(state(platform, id)));
        // When: a REJECTED for ncmec signed with the nca's key, one in the old unsigned form, one signed as another
        // type, and a backdated one signed with ncmec's own key
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(record(id, TestReceivers.signedAck("nca", ack(id, "ncmec", "REJECTED"))));
            producer.send(record(id, ack(id, "ncmec", "REJECTED").toString()));
            producer.send(record(id, TestReceivers.signedAck("ncmec", ack(id, "ncmec", "REJECTED")).replaceFirst(
                    "^[^.]+", "eyJhbGciOiJFZERTQSJ9")));
            producer.send(record(id, TestReceivers.signedAck("ncmec", ack(id, "ncmec", "REJECTED").put("at",
                    "2000-01-01T00:00:00Z"))));
            producer.flush();
        }
        // Then: all refused, nothing changed
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(AuditApi.events(
                "reportId=" + id + "&type=delivery.ack_refused")).hasSize(4));
        Awaitility.await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(org.tipline.gateway.support.Management
                        .metrics()).contains("outcome=\"FORGED\""));
        assertThat(state(platform, id)).isEqualTo("FORWARDED");
        // and the real receiver's acknowledgement is recorded
        TestApi.as(TestApi.newIntakeKey("ncmec")).contentType("application/json")
                .body(ack(id, "ncmec", "ACCEPTED").put("externalReference", "CT-REAL-1").toString())
                .post("/v1/intake/ncmec/acks").then().statusCode(200);
        assertThat(state(platform, id)).isEqualTo("ACKNOWLEDGED");
    }

    @Test
    void aGenuineSignedKafkaAckIsRecorded() {
        String platform = TestApi.newPlatform("US_NCMEC");
        String id = submitted(platform);
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(record(id, TestReceivers.signedAck("ncmec", ack(id, "ncmec", "ACCEPTED")
                    .put("externalReference", "CT-SIGNED-1"))));
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "ACKNOWLEDGED".equals(state(platform, id)));
    }

    @Test
    void aBackdatedRestAckIsRefused() {
        String id = submitted(TestApi.newPlatform("US_NCMEC"));
        assertProblem(TestApi.as(TestApi.newIntakeKey("ncmec")).contentType("application/json").body(ack(id, "ncmec",
                "ACCEPTED").put("externalReference", "CT-OLD").put("at", Instant.parse("2000-01-01T00:00:00Z")
                        .toString())
                .toString()).post("/v1/intake/ncmec/acks"), 422);
    }

    private static String submitted(String platform) {
        return TestApi.as(platform).contentType("application/json").body(SyntheticReports.minimal())
                .post("/v1/reports?finish=true").then().statusCode(202).extract().path("reportId");
    }

    private static ObjectNode ack(String id, String destination, String status) {
        ObjectNode ack = JSON.createObjectNode().put("reportId", id).put("destination", destination)
                .put("status", status);
        return status.equals("REJECTED") ? ack.put("reason", "synthetic forged rejection") : ack;
    }

    private static String state(String platform, String id) {
        return TestApi.as(platform).get("/v1/reports/" + id).jsonPath().getString("destinations[0].state");
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    private static ProducerRecord<String, String> record(String key, String value) {
        return new ProducerRecord<>("tipline.intake.acks", key, value);
    }
}
