package org.tipline.gateway.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.tipline.gateway.support.AuditApi;
import org.tipline.gateway.support.SyntheticReports;
import org.tipline.gateway.support.TestApi;
import org.tipline.gateway.support.TopicReader;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tipline.gateway.support.Problems.assertProblem;

/**
 * Nothing stuck: a message its topic refuses is parked at once and its delivery FAILED (visible, counted, audited)
 * while the rest of the outbox goes on; one whose destination keeps failing is retried with back-off and given up on
 * without delaying another destination; an operator retries a FAILED delivery; a supplement never overtakes its
 * report. Against the real broker: the destination's topic is made to refuse (a tiny {@code max.message.bytes}) or is
 * deleted.
 */
@QuarkusTest
class StuckDeliveryTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "tipline.delivery.max-message-bytes")
    int maxMessageBytes;

    @Test
    void aMessageItsTopicRefusesIsParkedAtOnceWhileOthersGoOnAndAnOperatorRetriesIt() throws Exception {
        // Given the nca's topic refuses every envelope
        String uk = TestApi.newPlatform("UK_NCA");
        String id;
        try (TopicOverride refusing = new TopicOverride("tipline.intake.nca", "max.message.bytes", "1024")) {
            // When a report for the nca and one for ncmec are filed
            id = submitted(uk, FOR_NCA);
            String us = TestApi.newPlatform("US_NCMEC");
            String other = submitted(us);
            // Then the ncmec report goes on, the nca delivery FAILED at the first attempt with its reason
            await(us, other, "FORWARDED");
            JsonNode failed = await(uk, id, "FAILED");
            assertThat(failed.path("failure").asText()).startsWith("REPORT message: TOO_LARGE");
            assertThat(failed.path("failedAt").asText()).isNotBlank();
            assertThat(AuditApi.awaitEvents("reportId=" + id + "&type=delivery.failed", e -> !e.isEmpty()))
                    .singleElement().satisfies(event -> {
                        assertThat(event.path("destination").asText()).isEqualTo("nca");
                        assertThat(event.path("details").path("code").asText()).isEqualTo("TOO_LARGE");
                        assertThat(event.path("details").path("attempts").asInt()).isEqualTo(1);
                    });
            assertThat(org.tipline.gateway.support.Management.metrics())
                    .contains("tipline_delivery_failed_total{code=\""
                            + "TOO_LARGE\",destination=\"nca\",kind=\"REPORT\"}");
            assertThat(TestApi.asAdmin().get("/v1/admin/deliveries/failed?limit=1000").jsonPath()
                    .getList("items.reportId")).contains(id);
            // and a supplement waits behind its parked report instead of overtaking it
            TestApi.as(uk).contentType("application/json")
                    .body("{\"additionalInfo\": \"synthetic: a later supplement\"}")
                    .post("/v1/reports/" + id + "/supplements").then().statusCode(201);
            Thread.sleep(1500);
            assertThat(state(uk, id)).isEqualTo("FAILED");
        }
        // When an operator retries once the topic is fixed
        String key = UUID.randomUUID().toString();
        Response retried = retry(id, "nca", key);
        // Then
        assertThat(retried.statusCode()).isEqualTo(200);
        assertThat(retried.jsonPath().getString("state")).isEqualTo("PENDING");
        assertThat(retried.jsonPath().getString("failure")).isNull();
        assertThat(retry(id, "nca", key).header("Idempotent-Replayed")).isEqualTo("true");
        await(uk, id, "FORWARDED");
        try (TopicReader reader = new TopicReader(bootstrapServers, List.of("tipline.intake.nca"))) {
            List<ConsumerRecord<String, String>> records = reader.awaitRecords(List.of(id), Duration.ofSeconds(30),
                    r -> r.size() >= 2);
            assertThat(TopicReader.rawEnvelopes(records)).extracting(e -> e.path("kind").asText())
                    .containsExactly("REPORT", "SUPPLEMENT");
        }
        assertThat(AuditApi.events("reportId=" + id + "&type=delivery.retried")).hasSize(1);
        assertProblem(retry(id, "nca", UUID.randomUUID().toString()), 409);
        assertProblem(retry(id, "iwf", UUID.randomUUID().toString()), 404);
        assertProblem(retry("not-a-report", "nca", UUID.randomUUID().toString()), 404);
        assertProblem(TestApi.as(uk).post("/v1/admin/deliveries/" + id + "/nca/retry"), 403);
    }

    @Test
    void aDestinationWhoseTopicIsGoneIsGivenUpOnWithoutDelayingAnother() throws Exception {
        // Given the c3p's topic is gone (the broker creates none by itself)
        String ca = TestApi.newPlatform("CA_C3P");
        String us = TestApi.newPlatform("US_NCMEC");
        String id;
        try (Admin admin = admin()) {
            admin.deleteTopics(List.of(C3P)).all().get(30, TimeUnit.SECONDS);
            try {
                // When a report for the c3p is filed, and once the relay found its topic failing, reports for ncmec
                id = submitted(ca, FOR_C3P);
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> attempts(id) > 0);
                for (int i = 0; i < 5; i++) {
                    String other = submitted(us);
                    Instant filed = Instant.now();
                    await(us, other, "FORWARDED");
                    // Then each goes on at once: the failing topic is tried off the relay's thread
                    assertThat(Duration.between(filed, Instant.now())).isLessThan(Duration.ofSeconds(3));
                }
                // and the c3p's delivery is retried with back-off, then FAILED after max-attempts (3 in tests)
                JsonNode failed = await(ca, id, "FAILED");
                assertThat(failed.path("failure").asText()).startsWith("REPORT message: ").contains(
                        "gave up after 3 attempts");
                assertThat(attempts(id)).isEqualTo(3);
            } finally {
                admin.createTopics(List.of(new NewTopic(C3P, 3, (short) 1).configs(Map.of("max.message.bytes",
                        String.valueOf(maxMessageBytes))))).all().get(30, TimeUnit.SECONDS);
            }
        }
        // When the topic is back and an operator retries, the report goes out
        assertThat(retry(id, "c3p", UUID.randomUUID().toString()).statusCode()).isEqualTo(200);
        await(ca, id, "FORWARDED");
    }

    private static final String C3P = "tipline.intake.c3p";

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** Attempts at the report's messages so far, from the outbox. */
    private static int attempts(String reportId) throws Exception {
        try (java.sql.Connection connection = org.tipline.gateway.support.Ledger.superuser();
                java.sql.PreparedStatement select = connection.prepareStatement(
                        "SELECT coalesce(max(attempts), 0) FROM outbox WHERE report_id = ?")) {
            select.setObject(1, UUID.fromString(reportId));
            try (java.sql.ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    @Test
    void aReportWhoseEnvelopeCouldNeverFitIsRefusedAtFinishAndTheLargestThatFitsIsForwarded() {
        // Given two open reports, one with files whose details fill the limit, one with a file more than fits
        String platform = TestApi.newPlatform("US_NCMEC");
        String details = "{\"additionalInfo\": [" + String.join(",", IntStream.range(0, 25).mapToObj(
                i -> "\"synthetic " + "x".repeat(9_990) + "\"").toList()) + "]}";
        int fitting = (int) ((maxMessageBytes - EnvelopeBudget.FIXED_OVERHEAD) * 3L / 4 / (details.length()
                + EnvelopeBudget.FILE_REFERENCE + 100)) - 1;
        String largest = opened(platform);
        String tooLarge = opened(platform);
        for (int i = 0; i < fitting; i++) {
            withFile(platform, largest, details);
            withFile(platform, tooLarge, details);
        }
        for (int i = 0; i < 3; i++) {
            withFile(platform, tooLarge, details);
        }
        // When / Then: the one that could never be forwarded is refused and stays open
        Response refused = TestApi.as(platform).post("/v1/reports/" + tooLarge + "/finish");
        assertProblem(refused, 422);
        assertThat(refused.jsonPath().getString("violations[0].code")).isEqualTo("TOO_LARGE_TO_FORWARD");
        assertThat(TestApi.as(platform).get("/v1/reports/" + tooLarge).jsonPath().getString("state"))
                .isEqualTo("OPEN");
        // and the largest that fits reaches the topic, which takes records that large
        TestApi.as(platform).post("/v1/reports/" + largest + "/finish").then().statusCode(202);
        JsonNode forwarded = await(platform, largest, "FORWARDED");
        assertThat(forwarded.path("failure").isMissingNode()).isTrue();
        try (TopicReader reader = new TopicReader(bootstrapServers, List.of("tipline.intake.ncmec"))) {
            ConsumerRecord<String, String> record = reader.awaitRecords(List.of(largest), Duration.ofSeconds(30),
                    r -> !r.isEmpty()).get(0);
            assertThat(record.serializedValueSize()).isGreaterThan(maxMessageBytes / 2).isLessThan(maxMessageBytes);
            assertThat(TopicReader.rawEnvelopes(List.of(record)).get(0).path("fileDigests").size())
                    .isEqualTo(fitting);
        }
    }

    private static String opened(String platform) {
        return TestApi.as(platform).contentType("application/json").body(SyntheticReports.minimal())
                .post("/v1/reports").then().statusCode(201).extract().path("reportId");
    }

    private static void withFile(String platform, String id, String details) {
        String fileId = TestApi.as(platform).contentType("application/octet-stream").body(UUID.randomUUID()
                .toString().getBytes()).post("/v1/reports/" + id + "/files").then().statusCode(201).extract()
                .path("fileId");
        TestApi.as(platform).contentType("application/json").body(details).put("/v1/reports/" + id + "/files/"
                + fileId + "/details").then().statusCode(200);
    }

    /** For a UK platform's report: UK-linked, with what the nca's profile requires. */
    private static final String FOR_NCA = """
            {"incident": {"type": "CHILD_SEXUAL_ABUSE_MATERIAL", "occurredAt": "2026-01-02T03:04:05Z"},
             "reporter": {"reportingPerson": {"emails": [{"address": "trust-and-safety@example.com"}]}},
             "jurisdictions": ["GB"], "detection": {"method": "CLASSIFIER"},
             "declaration": {"name": "Synthetic Officer", "email": "officer@example.com",
                             "acceptedAt": "2026-01-02T04:00:00Z"}}
            """;

    /** For a Canadian platform's report: with the URL the c3p's profile requires. */
    private static final String FOR_C3P = """
            {"incident": {"type": "CHILD_SEXUAL_ABUSE_MATERIAL", "occurredAt": "2026-01-02T03:04:05Z"},
             "reporter": {"reportingPerson": {"emails": [{"address": "trust-and-safety@example.com"}]}},
             "reportedPersons": [{"profileUrls": ["https://profiles.example/synthetic"]}]}
            """;

    private static String submitted(String platform) {
        return submitted(platform, SyntheticReports.minimal());
    }

    private static String submitted(String platform, String body) {
        return TestApi.as(platform).contentType("application/json").body(body)
                .post("/v1/reports?finish=true").then().log().ifValidationFails().statusCode(202).extract()
                .path("reportId");
    }

    private static Response retry(String id, String destination, String idempotencyKey) {
        return RestAssured.given().header("Authorization", "Bearer " + org.tipline.gateway.support.TestStack.ADMIN_KEY)
                .header("Idempotency-Key", idempotencyKey).post("/v1/admin/deliveries/" + id + "/" + destination
                        + "/retry");
    }

    private static String state(String platform, String id) {
        return TestApi.as(platform).get("/v1/reports/" + id).jsonPath().getString("destinations[0].state");
    }

    /** The report's (only) delivery, once it is in {@code state}. */
    private static JsonNode await(String platform, String id, String state) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(state(platform, id)).as("delivery of " + id).isEqualTo(state));
        return org.tipline.gateway.support.JsonEdit.parse(TestApi.as(platform).get("/v1/reports/" + id).asString())
                .path("destinations").get(0);
    }

    /** A topic setting changed for the duration of a test, then set back to the gateway's. */
    private final class TopicOverride implements AutoCloseable {

        private final Admin admin;
        private final ConfigResource topic;
        private final String name;

        TopicOverride(String topic, String name, String value) throws Exception {
            this.admin = admin();
            this.topic = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            this.name = name;
            alter(new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET));
        }

        private void alter(AlterConfigOp op) throws Exception {
            admin.incrementalAlterConfigs(Map.of(topic, List.of(op))).all().get(30, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws Exception {
            try {
                alter(name.equals("max.message.bytes")
                        ? new AlterConfigOp(new ConfigEntry(name, String.valueOf(maxMessageBytes)),
                                AlterConfigOp.OpType.SET)
                        : new AlterConfigOp(new ConfigEntry(name, ""), AlterConfigOp.OpType.DELETE));
            } finally {
                admin.close();
            }
        }
    }
}
