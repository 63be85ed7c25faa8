package org.tipline.gateway.platform.errors;

import org.junit.jupiter.api.Test;
import org.tipline.gateway.support.SyntheticReports;
import org.tipline.gateway.support.TestApi;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tipline.gateway.support.Problems.assertProblem;

/** Every error is a problem document; credentials are checked; request ids are echoed. */
@QuarkusTest
class ProblemDocumentTest {

    @Test
    void aBodyWithThousandsOfMistakesGetsAShortAnswer() {
        // Given: 5,000 unknown fields, each a violation of its own
        StringBuilder body = new StringBuilder(SyntheticReports.minimal().strip());
        body.setLength(body.length() - 1);
        for (int i = 0; i < 5_000; i++) {
            body.append(",\"stray").append(i).append("\": 1");
        }
        body.append('}');
        // When
        Response response = TestApi.as(TestApi.newPlatform()).contentType("application/json").body(body.toString())
                .post("/v1/reports");
        // Then
        assertProblem(response, 400);
        java.util.List<String> codes = response.jsonPath().getList("violations.code");
        assertThat(codes).hasSize(101);
        assertThat(codes.subList(0, 100)).containsOnly("UNKNOWN_FIELD");
        assertThat(codes.get(100)).isEqualTo("TOO_MANY_VIOLATIONS");
        assertThat(response.jsonPath().getString("violations[100].message")).startsWith("4900 more violations");
        assertThat(response.asByteArray().length).isLessThan(body.length());
    }

    @Test
    void noCredentialIs401WithAChallenge() {
        // When
        Response response = given().contentType("application/json").body(SyntheticReports.minimal())
                .header("Idempotency-Key", "k1").post("/v1/reports");
        // Then
        assertProblem(response, 401);
        assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void unknownKeyIs401() {
        // When
        Response response = given().header("Authorization", "Bearer tlk_not-a-real-key").get("/v1/status");
        // Then
        assertProblem(response, 401);
    }

    @Test
    void revokedKeyIs401() {
        // Given
        String key = TestApi.newKey("auditor");
        String id = given().header("Authorization", "Bearer " + key).get("/v1/status").then().statusCode(200)
                .extract().path("principal");
        TestApi.asAdmin().delete("/v1/admin/credentials/" + id).then().statusCode(204);
        // When
        Response response = given().header("Authorization", "Bearer " + key).get("/v1/status");
        // Then
        assertProblem(response, 401);
    }

    @Test
    void wrongRoleIs403() {
        // Given
        String auditor = TestApi.newKey("auditor");
        // When
        Response response = TestApi.as(auditor).contentType("application/json").body(SyntheticReports.minimal())
                .post("/v1/reports");
        // Then
        assertProblem(response, 403);
    }

    @Test
    void unknownPathIs404() {
        assertProblem(TestApi.as(TestApi.newPlatform()).get("/v1/nothing-here"), 404);
    }

    @Test
    void wrongMethodIs405() {
        assertProblem(TestApi.as(TestApi.newPlatform()).delete("/v1/reports"), 405);
    }

    @Test
    void wrongContentTypeIs415() {
        // When
        Response response = TestApi.as(TestApi.newPlatform()).contentType("text/plain")
                .body(SyntheticReports.minimal()).post("/v1/reports");
        // Then
        assertProblem(response, 415);
    }

    @Test
    void missingIdempotencyKeyIs400() {
        // When
        Response response = given().header("Authorization", "Bearer " + TestApi.newPlatform())
                .contentType("application/json").body(SyntheticReports.minimal()).post("/v1/reports");
        // Then
        assertProblem(response, 400);
        assertThat(response.jsonPath().getString("type")).isEqualTo("urn:tipline:problem:malformed-request");
    }

    @Test
    void clientRequestIdIsEchoed() {
        // When
        Response response = given().header("X-Request-Id", "client-chosen-id-42").get("/v1/status");
        // Then
        assertThat(response.header("X-Request-Id")).isEqualTo("client-chosen-id-42");
        assertThat(response.jsonPath().getString("requestId")).isEqualTo("client-chosen-id-42");
    }

    @Test
    void unusableRequestIdIsReplaced() {
        // When
        Response response = given().header("X-Request-Id", "has spaces and <tags>").get("/v1/status");
        // Then
        assertThat(response.header("X-Request-Id")).matches("[0-9a-f-]{36}");
    }

    @Test
    void successfulAnswersCarryARequestId() {
        // When
        Response response = given().get("/v1/keys");
        // Then
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.header("X-Request-Id")).isNotBlank();
    }

    @Test
    void aNulCharacterInAJsonStringIsRefusedWhereverItWouldBeStored() {
        // Given
        String platform = TestApi.newPlatform();
        String id = TestApi.as(platform).contentType("application/json").body(SyntheticReports.minimal())
                .post("/v1/reports?finish=true").then().statusCode(202).extract().path("reportId");
        // When
        Response ack = TestApi.as(TestApi.newIntakeKey("ncmec")).contentType("application/json")
                .body("{\"reportId\": \"" + id
                        + "\", \"status\": \"ACCEPTED\", \"externalReference\": \"SYN\\u0000-1\"}")
                .post("/v1/intake/ncmec/acks");
        Response registration = TestApi.asAdmin().contentType("application/json")
                .body("{\"id\": \"nul-platform\", \"name\": \"Synthetic\\u0000\", \"regimes\": [\"US_NCMEC\"]}")
                .post("/v1/admin/platforms");
        Response report = TestApi.as(platform).contentType("application/json")
                .body(SyntheticReports.minimal().replaceFirst("\\{", "{\"additionalInfo\": \"a\\\\u0000b\", "))
                .post("/v1/reports");
        // Then
        for (Response refused : java.util.List.of(ack, registration, report)) {
            assertProblem(refused, 422);
            assertThat(refused.jsonPath().getString("violations[0].code")).isEqualTo("INVALID_FORMAT");
        }
        assertThat(ack.jsonPath().getString("violations[0].pointer")).isEqualTo("/externalReference");
        assertThat(TestApi.as(platform).get("/v1/reports/" + id).jsonPath().getString("destinations[0].state"))
                .isNotEqualTo("ACKNOWLEDGED");
    }
}
