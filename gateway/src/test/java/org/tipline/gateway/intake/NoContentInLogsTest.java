package org.tipline.gateway.intake;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.tipline.gateway.support.LogCapture;
import org.tipline.gateway.support.TestApi;

import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Report content never reaches the logs: reports carrying unique markers in every kind of field are filed, refused,
 * given evidence and forwarded while every log record is captured; no marker may appear in any of them.
 */
@QuarkusTest
class NoContentInLogsTest {

    @Test
    void noMarkerOfAnyReportReachesTheLogs() throws Exception {
        // Given
        String marker = "ZQX" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String report = """
                {"incident": {"type": "ONLINE_ENTICEMENT", "occurredAt": "2026-01-02T03:04:05Z", "platform": "%1$s-platform",
                              "occurredAtDescription": "%1$s-description"},
                 "reporter": {"reportingPerson": {"firstName": "%1$s-first", "lastName": "%1$s-last",
                                                  "emails": [{"address": "%1$s@example.com"}]}},
                 "priority": "P1_IMMINENT", "escalationReason": "%1$s-reason",
                 "reportedPersons": [{"screenName": "%1$s-screen", "espIdentifier": "%1$s-id",
                                      "ipCaptureEvents": [{"ipAddress": "192.0.2.77"}]}],
                 "victims": [{"person": {"firstName": "%1$s-victim", "age": 13}}],
                 "additionalInfo": "%1$s-additional"}
                """
                .formatted(marker);
        String invalid = report.replace("\"age\": 13", "\"age\": \"%s-age\"".formatted(marker))
                .replace("192.0.2.77", marker + "-ip");
        String platform = TestApi.newPlatform();
        try (LogCapture logs = LogCapture.start("org.tipline")) {
            // When
            String id = TestApi.as(platform).contentType("application/json").body(report).post("/v1/reports")
                    .then().statusCode(201).extract().path("reportId");
            TestApi.as(platform).contentType("application/octet-stream")
                    .body((marker + "-evidence-bytes").getBytes(StandardCharsets.UTF_8))
                    .post("/v1/reports/" + id + "/files").then().statusCode(201);
            TestApi.as(platform).contentType("application/json").body(invalid).post("/v1/reports").then()
                    .statusCode(400);
            TestApi.as(platform).contentType("application/json").body("{\"" + marker + "-field\": 1}")
                    .post("/v1/reports").then().statusCode(400);
            TestApi.as(platform).post("/v1/reports/" + id + "/finish").then().statusCode(202);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "FORWARDED".equals(TestApi.as(platform)
                    .get("/v1/reports/" + id).jsonPath().getString("destinations[0].state")));
            // Then
            List<String> lines = logs.lines();
            assertThat(lines).as("the capture sees the gateway's debug lines")
                    .anyMatch(l -> l.contains("POST /v1/reports"));
            assertThat(lines).noneMatch(line -> line.contains(marker));
        }
    }
}
