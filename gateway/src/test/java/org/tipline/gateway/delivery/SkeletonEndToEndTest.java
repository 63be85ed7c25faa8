package org.tipline.gateway.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.tipline.gateway.support.SyntheticReports;
import org.tipline.gateway.support.TestApi;
import org.tipline.gateway.support.TestReceivers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class SkeletonEndToEndTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void submittedReportArrivesOnTheDestinationTopic() throws Exception {
        // Given
        String platform = TestApi.newPlatform();
        // When
        String reportId = TestApi.as(platform).contentType("application/json").body(SyntheticReports.minimal())
                .post("/v1/reports?finish=true")
                .then().statusCode(202).extract().path("reportId");
        // Then
        List<ConsumerRecord<String, String>> received = new CopyOnWriteArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.subscribe(List.of("tipline.intake.ncmec"));
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (reportId.equals(r.key())) {
                        received.add(r);
                    }
                });
                return !received.isEmpty();
            });
        }
        JsonNode envelope = new ObjectMapper().readTree(received.get(0).value());
        assertThat(envelope.path("reportId").asText()).isEqualTo(reportId);
        assertThat(envelope.path("kind").asText()).isEqualTo("REPORT");
        assertThat(envelope.path("destination").asText()).isEqualTo("ncmec");
        assertThat(envelope.has("report")).as("the report is sealed, not in clear").isFalse();
        assertThat(TestReceivers.open(envelope).path("report").path("incident").path("type").asText())
                .isEqualTo("CHILD_SEXUAL_ABUSE_MATERIAL");
        assertThat(envelope.path("signature").asText()).contains("..");
    }
}
