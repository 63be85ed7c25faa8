package org.tipline.gateway.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.tipline.gateway.support.CrashingRelayListener;
import org.tipline.gateway.support.SyntheticReports;
import org.tipline.gateway.support.TestApi;
import org.tipline.gateway.support.TestStack;
import org.tipline.gateway.support.TopicReader;
import org.tipline.localstack.LocalKafka;
import org.tipline.localstack.LocalPostgres;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tipline.gateway.support.Problems.assertProblem;

/**
 * Fault injection against the real broker and database: whatever fails, no acknowledged report is lost, each arrives
 * at every destination it was routed to exactly once after de-duplication by messageId, and the service recovers by
 * itself.
 */
@QuarkusTest
class DeliveryFaultTest {

    private static final String NCMEC = "tipline.intake.ncmec";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    CrashingRelayListener crash;

    private static String submit(String platform) {
        return TestApi.as(platform).contentType("application/json").body(SyntheticReports.minimal())
                .post("/v1/reports?finish=true").then().statusCode(202).extract().path("reportId");
    }

    @Test
    void reportsAcceptedWhileKafkaIsDownAllArriveOnceItIsBack() throws Exception {
        // Given
        String platform = TestApi.newPlatform();
        LocalKafka kafka = TestStack.get().kafka().orElseThrow();
        List<String> ids = new ArrayList<>();
        kafka.stop();
        try {
            // When
            for (int i = 0; i < 20; i++) {
                ids.add(submit(platform));
            }
            assertThat(TestApi.as(platform).get("/v1/reports/" + ids.get(0)).jsonPath()
                    .getString("destinations[0].state")).isEqualTo("PENDING");
            double outages = outages();
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .alias("the relay tried, found the broker unreachable and keeps the messages")
                    .until(() -> outages() > outages);
            assertThat(failedAttempts(ids)).as("an outage counts against no message").isZero();
        } finally {
            kafka.start();
        }
        // Then
        try (TopicReader reader = new TopicReader(bootstrapServers, List.of(NCMEC))) {
            List<ConsumerRecord<String, String>> records = reader.awaitRecords(ids, Duration.ofSeconds(90),
                    received -> received.stream().map(ConsumerRecord::key).collect(Collectors.toSet())
                            .containsAll(ids));
            assertExactlyOnceAfterDeduplication(records, ids);
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(ids).allSatisfy(
                id -> assertThat(TestApi.as(platform).get("/v1/reports/" + id).jsonPath()
                        .getString("destinations[0].state")).isEqualTo("FORWARDED")));
    }

    @Test
    void aRelayThatDiesBetweenPublishingAndMarkingRepublishesUnderTheSameMessageId() {
        // Given
        String platform = TestApi.newPlatform();
        crash.arm(2);
        // When
        String id = submit(platform);
        // Then
        try (TopicReader reader = new TopicReader(bootstrapServers, List.of(NCMEC))) {
            List<ConsumerRecord<String, String>> records = reader.awaitRecords(List.of(id), Duration.ofSeconds(60),
                    received -> received.size() >= 3);
            assertThat(records).as("published three times: two crashes, then committed").hasSize(3);
            assertExactlyOnceAfterDeduplication(records, List.of(id));
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "FORWARDED".equals(TestApi.as(platform)
                .get("/v1/reports/" + id).jsonPath().getString("destinations[0].state")));
    }

    @Test
    void whilePostgresIsDownIntakeAnswers503AndRecoversByItself() throws Exception {
        // Given
        String platform = TestApi.newPlatform();
        String before = submit(platform);
        LocalPostgres postgres = TestStack.get().postgres().orElseThrow();
        postgres.stop();
        Response refused;
        try {
            // When
            refused = TestApi.as(platform).contentType("application/json").body(SyntheticReports.minimal())
                    .post("/v1/reports?finish=true");
        } finally {
            postgres.start();
        }
        // Then
        assertProblem(refused, 503);
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(refused.jsonPath().getString("type")).isEqualTo("urn:tipline:problem:ledger-unavailable");
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(
                () -> TestApi.as(platform).contentType("application/json").body(SyntheticReports.minimal())
                        .post("/v1/reports").statusCode() == 201);
        List<String> listed = TestApi.as(platform).get("/v1/reports").jsonPath().getList("items.reportId");
        assertThat(listed).as("the refused request left nothing behind").hasSize(2).contains(before);
    }

    /** How often the relay found the broker unreachable. */
    private static double outages() {
        return org.tipline.gateway.support.Management.metrics().lines()
                .filter(l -> l.startsWith("tipline_delivery_relay_outages_total")).findFirst()
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).orElse(0.0);
    }

    /** Failed publish attempts recorded on the outbox rows of these reports. */
    private static int failedAttempts(List<String> ids) throws Exception {
        try (java.sql.Connection connection = org.tipline.gateway.support.Ledger.superuser();
                java.sql.PreparedStatement select = connection.prepareStatement(
                        "SELECT coalesce(max(attempts), 0) FROM outbox WHERE report_id = ANY (?)")) {
            select.setArray(1,
                    connection.createArrayOf("uuid", ids.stream().map(java.util.UUID::fromString).toArray()));
            try (java.sql.ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    /** Every id arrived; duplicates carry the same messageId; de-duplicated, each id appears once. */

    private static void assertExactlyOnceAfterDeduplication(List<ConsumerRecord<String, String>> records,
            List<String> ids) {
        Map<String, Set<String>> messageIdsByReport = records.stream().collect(Collectors.groupingBy(
                ConsumerRecord::key, Collectors.mapping(r -> TopicReader.envelopes(List.of(r)).get(0)
                        .path("messageId").asText(), Collectors.toSet())));
        assertThat(messageIdsByReport.keySet()).containsExactlyInAnyOrderElementsOf(new HashSet<>(ids));
        assertThat(messageIdsByReport.values()).allSatisfy(messageIds -> assertThat(messageIds).hasSize(1));
    }
}
