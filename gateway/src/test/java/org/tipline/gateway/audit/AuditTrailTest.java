package org.tipline.gateway.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.tipline.gateway.support.AuditApi;
import org.tipline.gateway.support.Ledger;
import org.tipline.gateway.support.TestApi;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every action on a report, a credential or the trail itself leaves an event with its actor, platform and report, and
 * no event carries report content: reports full of unique markers are filed, given evidence, forwarded, acknowledged,
 * supplemented, escalated, retracted, expired and refused, and no marker appears in any of their events.
 */
@QuarkusTest
class AuditTrailTest {

    private static final String DETAILS = """
            {"viewedByPlatform": true, "relevance": "REPORTED", "annotations": ["VIRAL"]}
            """;

    private static String marker() {
        return "ZQX" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static String reportWith(String marker) {
        return """
                {"incident": {"type": "CHILD_SEXUAL_ABUSE_MATERIAL", "occurredAt": "2026-01-02T03:04:05Z",
                              "platform": "%1$s-platform", "occurredAtDescription": "%1$s-description"},
                 "reporter": {"reportingPerson": {"firstName": "%1$s-first", "lastName": "%1$s-last",
                                                  "emails": [{"address": "%1$s@example.com"}]}},
                 "reportedPersons": [{"screenName": "%1$s-screen", "espIdentifier": "%1$s-id",
                                      "ipCaptureEvents": [{"ipAddress": "192.0.2.77"}]}],
                 "victims": [{"person": {"firstName": "%1$s-victim", "age": 13}}],
                 "additionalInfo": "%1$s-additional"}
                """.formatted(marker);
    }

    private static String opened(String platform, String body) {
        return TestApi.as(platform).contentType(ContentType.JSON).body(body).post("/v1/reports").then()
                .statusCode(201).extract().path("reportId");
    }

    @Test
    void everyStepOfAReportIsAuditedWithoutItsContent() {
        // Given a report carrying markers in every kind of field, and every step of its life
        String marker = marker();
        String platform = TestApi.newPlatform();
        String intake = TestApi.newIntakeKey("ncmec");
        String id = opened(platform, reportWith(marker));
        String fileId = TestApi.as(platform).contentType("application/octet-stream")
                .body((marker + "-evidence").getBytes(StandardCharsets.UTF_8)).post("/v1/reports/" + id + "/files")
                .then().statusCode(201).extract().path("fileId");
        TestApi.as(platform).contentType(ContentType.JSON).body(DETAILS)
                .put("/v1/reports/" + id + "/files/" + fileId + "/details").then().statusCode(200);
        TestApi.as(platform).post("/v1/reports/" + id + "/finish").then().statusCode(202);
        TestApi.as(intake).get("/v1/intake/ncmec/files/" + fileId).then().statusCode(200);
        TestApi.as(intake).contentType(ContentType.JSON).body(Map.of("reportId", id, "status", "ACCEPTED",
                "externalReference", "NCMEC-SYNTHETIC-1")).post("/v1/intake/ncmec/acks").then().statusCode(200);
        TestApi.as(platform).contentType(ContentType.JSON).body(Map.of("additionalInfo", marker + "-supplement"))
                .post("/v1/reports/" + id + "/supplements").then().statusCode(201);
        TestApi.as(platform).contentType(ContentType.JSON).body(Map.of("priority", "P1_IMMINENT", "reason",
                marker + "-escalation")).post("/v1/reports/" + id + "/escalations").then().statusCode(202);
        // When
        List<JsonNode> events = AuditApi.awaitEvents("reportId=" + id, found -> AuditApi.types(found)
                .stream().filter("delivery.forwarded"::equals).count() >= 3);
        // Then
        assertThat(AuditApi.types(events)).containsSubsequence("report.opened", "file.uploaded", "file.details_set",
                "report.submitted", "report.supplemented", "report.escalated");
        assertThat(AuditApi.types(events)).as("routing is recorded with the submission").doesNotContain(
                "report.routed");
        assertThat(AuditApi.types(events)).contains("delivery.forwarded", "evidence.accessed",
                "delivery.acknowledged");
        String platformId = events.get(0).path("platformId").asText();
        assertThat(platformId).startsWith("test-platform-");
        assertThat(events).allSatisfy(event -> {
            assertThat(event.path("platformId").asText()).isEqualTo(platformId);
            assertThat(event.path("reportId").asText()).isEqualTo(id);
            assertThat(event.path("actor").path("id").asText()).isNotBlank();
            assertThat(event.path("actor").path("role").asText()).isIn("platform", "intake", "system");
            assertThat(event.path("leafHash").asText()).isEqualTo(AuditApi.leafHash(event));
        });
        assertThat(event(events, "report.submitted").path("details").path("rules").path("ncmec").get(0).asText())
                .isEqualTo("us-2258a");
        JsonNode forwarded = event(events, "delivery.forwarded");
        assertThat(forwarded.path("destination").asText()).isEqualTo("ncmec");
        assertThat(forwarded.path("details").path("topic").asText()).startsWith("tipline.intake.ncmec");
        assertThat(forwarded.path("details").has("offset")).isTrue();
        assertThat(event(events, "delivery.acknowledged").path("actor").path("role").asText()).isEqualTo("intake");
        assertThat(events.toString()).doesNotContain(marker).doesNotContain("192.0.2.77");
    }

    @Test
    void retractionExpiryAndRefusalsAreAudited() throws Exception {
        // Given
        String marker = marker();
        String platform = TestApi.newPlatform();
        String retracted = opened(platform, reportWith(marker));
        String expired = opened(platform, reportWith(marker));
        Instant longAgo = Instant.now().minus(30, ChronoUnit.DAYS);
        Ledger.backdate(expired, longAgo, longAgo, longAgo.plus(1, ChronoUnit.DAYS));
        // When
        TestApi.as(platform).post("/v1/reports/" + retracted + "/retract").then().statusCode(200);
        TestApi.as(platform).post("/v1/reports/" + expired + "/finish").then().statusCode(409);
        TestApi.as(platform).contentType(ContentType.JSON).body(reportWith(marker).replace("\"age\": 13",
                "\"age\": \"" + marker + "\"")).post("/v1/reports").then().statusCode(400);
        TestApi.as(platform).contentType(ContentType.JSON).body(reportWith(marker).replace("2026-01-02", "2999-01-02"))
                .post("/v1/reports").then().statusCode(422);
        // Then
        JsonNode retraction = AuditApi.awaitEvents("reportId=" + retracted, found -> AuditApi.types(found)
                .contains("report.retracted")).get(1);
        assertThat(retraction.path("actor").path("role").asText()).isEqualTo("platform");
        JsonNode expiry = AuditApi.awaitEvents("reportId=" + expired, found -> AuditApi.types(found)
                .contains("report.expired")).get(1);
        assertThat(expiry.path("actor").path("id").asText()).isEqualTo("system:lifecycle");
        String platformId = retraction.path("platformId").asText();
        List<JsonNode> refusals = AuditApi.awaitEvents("type=report.rejected&platformId=" + platformId,
                found -> found.size() == 3);
        assertThat(refusals).extracting(e -> e.path("details").path("status").asInt()).containsExactly(409, 400,
                422);
        assertThat(refusals.get(2).path("details").path("codes").toString()).contains("NOT_IN_PAST");
        assertThat(refusals).allSatisfy(e -> assertThat(e.has("reportId")).isFalse());
        assertThat(refusals.toString()).doesNotContain(marker);
    }

    @Test
    void aRefusalIsAuditedUnderItsRouteNeverUnderThePathAsSent() throws Exception {
        // Given
        String marker = marker();
        String platform = TestApi.newPlatform();
        String open = opened(platform, reportWith(marker));
        // When: paths the caller chose, with text that must not become permanent
        TestApi.as(platform).post("/v1/reports/" + marker + "/finish").then().statusCode(404);
        TestApi.as(platform).post("/v1/reports/" + open + "%0A" + marker + "/retract").then().statusCode(404);
        TestApi.as(platform).post("/v1/reports/" + open + "/finish").then().statusCode(202);
        assertThat(TestApi.as(platform).contentType(ContentType.JSON).body("{}")
                .post("/v1/reports/" + open + "/supplements").statusCode()).isBetween(400, 499);
        // Then
        String platformId = AuditApi.awaitEvents("reportId=" + open, found -> !found.isEmpty()).get(0)
                .path("platformId").asText();
        List<JsonNode> refusals = AuditApi.awaitEvents("type=report.rejected&platformId=" + platformId,
                found -> found.size() == 3);
        assertThat(refusals).extracting(e -> e.path("details").path("path").asText()).containsExactly(
                "/v1/reports/{id}/finish", "/v1/reports/{id}/retract", "/v1/reports/{id}/supplements");
        assertThat(refusals.toString()).doesNotContain(marker).doesNotContain(open);
    }

    @Test
    void credentialsAreAudited() {
        // Given
        String created = TestApi.asAdmin().contentType(ContentType.JSON).body(Map.of("role", "auditor", "label",
                "synthetic")).post("/v1/admin/credentials").then().statusCode(201).extract().path("credential.id");
        // When
        TestApi.asAdmin().delete("/v1/admin/credentials/" + created).then().statusCode(204);
        // Then
        List<JsonNode> events = AuditApi.awaitEvents("type=credential.revoked", found -> found.stream()
                .anyMatch(e -> e.path("details").path("credentialId").asText().equals(created)));
        assertThat(events.get(events.size() - 1).path("actor").path("role").asText()).isEqualTo("admin");
        assertThat(AuditApi.events("type=credential.created")).anyMatch(e -> e.path("details").path("credentialId")
                .asText().equals(created) && e.path("details").path("role").asText().equals("auditor"));
        assertThat(AuditApi.events("type=credential.created").toString()).doesNotContain("synthetic");
    }

    @Test
    void readingTheTrailIsItselfAudited() {
        // Given
        String auditor = TestApi.newKey("auditor");
        String reportId = UUID.randomUUID().toString();
        // When
        io.restassured.RestAssured.given().header("Authorization", "Bearer " + auditor)
                .get("/v1/audit/events?reportId=" + reportId).then().statusCode(200);
        // Then
        List<JsonNode> reads = AuditApi.awaitEvents("type=audit.read", found -> found.stream()
                .anyMatch(e -> e.path("details").path("query").path("reportId").asText().equals(reportId)));
        JsonNode read = reads.stream().filter(e -> e.path("details").path("query").path("reportId").asText()
                .equals(reportId)).findFirst().orElseThrow();
        assertThat(read.path("actor").path("role").asText()).isEqualTo("auditor");
        assertThat(read.path("details").path("what").asText()).isEqualTo("events");
        assertThat(read.path("details").path("count").asInt()).isZero();
    }

    private static JsonNode event(List<JsonNode> events, String type) {
        return events.stream().filter(e -> e.path("type").asText().equals(type)).findFirst().orElseThrow();
    }
}
