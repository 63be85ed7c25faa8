package org.tipline.gateway.report;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.tipline.gateway.support.SyntheticReports;
import org.tipline.gateway.support.TestApi;
import org.tipline.gateway.support.TopicReader;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tipline.gateway.support.Problems.assertProblem;

/** Supplements and escalations reach the report's destinations as their own envelope kinds. */
@QuarkusTest
class AdditionTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static String submitted(String platform) {
        return TestApi.as(platform).contentType("application/json").body(SyntheticReports.minimal())
                .post("/v1/reports?finish=true").then().statusCode(202).extract().path("reportId");
    }

    @Test
    void aSupplementCarriesNewInformationAndTheFilesUploadedSince() {
        // Given
        String platform = TestApi.newPlatform();
        String id = submitted(platform);
        String fileId = TestApi.as(platform).contentType("application/octet-stream").body(new byte[]{4, 2})
                .post("/v1/reports/" + id + "/files").then().statusCode(201).extract().path("fileId");
        // When
        Response supplement = TestApi.as(platform).contentType("application/json")
                .body("{\"additionalInfo\": \"synthetic: the account posted again\", \"fileIds\": [\"" + fileId
                        + "\"]}")
                .post("/v1/reports/" + id + "/supplements");
        // Then
        assertThat(supplement.statusCode()).isEqualTo(201);
        assertThat(supplement.jsonPath().getList("destinations")).containsExactly("ncmec");
        JsonNode envelope = envelopeOfKind(id, "tipline.intake.ncmec", "SUPPLEMENT");
        assertThat(envelope.path("report").path("additionalInfo").asText())
                .isEqualTo("synthetic: the account posted again");
        assertThat(envelope.path("report").has("fileIds")).isFalse();
        assertThat(envelope.path("files").get(0).path("fileId").asText()).isEqualTo(fileId);
        assertProblem(TestApi.as(platform).contentType("application/json").body("{\"fileIds\": [\"" + fileId + "\"]}")
                .post("/v1/reports/" + id + "/supplements"), 422);
    }

    @Test
    void anEscalationToP1TakesTheUrgentLane() {
        // Given
        String platform = TestApi.newPlatform();
        String id = submitted(platform);
        // When
        Response escalated = TestApi.as(platform).contentType("application/json")
                .body("{\"priority\": \"P1_IMMINENT\", \"reason\": \"synthetic: a meeting was arranged\"}")
                .post("/v1/reports/" + id + "/escalations");
        // Then
        assertThat(escalated.statusCode()).isEqualTo(202);
        JsonNode envelope = envelopeOfKind(id, "tipline.intake.ncmec.urgent", "ESCALATION");
        assertThat(envelope.path("priority").asText()).isEqualTo("P1_IMMINENT");
        assertThat(envelope.path("report").path("reason").asText()).isEqualTo("synthetic: a meeting was arranged");
        assertThat(TestApi.as(platform).get("/v1/reports/" + id).jsonPath().getString("priority"))
                .isEqualTo("P1_IMMINENT");
    }

    @Test
    void onlyRaisingThePriorityOfASubmittedReportIsAnEscalation() {
        String platform = TestApi.newPlatform();
        String id = submitted(platform);
        assertProblem(TestApi.as(platform).contentType("application/json")
                .body("{\"priority\": \"P3_STANDARD\", \"reason\": \"r\"}").post("/v1/reports/" + id + "/escalations"),
                422);
        String open = TestApi.as(platform).contentType("application/json").body(SyntheticReports.minimal())
                .post("/v1/reports").then().statusCode(201).extract().path("reportId");
        assertProblem(TestApi.as(platform).contentType("application/json")
                .body("{\"priority\": \"P1_IMMINENT\", \"reason\": \"r\"}")
                .post("/v1/reports/" + open + "/escalations"),
                409);
        assertProblem(TestApi.as(platform).contentType("application/json").body("{}")
                .post("/v1/reports/" + id + "/supplements"), 422);
    }

    private JsonNode envelopeOfKind(String reportId, String topic, String kind) {
        try (TopicReader reader = new TopicReader(bootstrapServers, List.of(topic))) {
            List<ConsumerRecord<String, String>> records = reader.awaitRecords(List.of(reportId),
                    Duration.ofSeconds(30), r -> TopicReader.envelopes(r).stream()
                            .anyMatch(e -> e.path("kind").asText().equals(kind)));
            return TopicReader.envelopes(records).stream().filter(e -> e.path("kind").asText().equals(kind))
                    .findFirst().orElseThrow();
        }
    }
}
