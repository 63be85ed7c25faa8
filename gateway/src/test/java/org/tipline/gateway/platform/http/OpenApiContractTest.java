package org.tipline.gateway.platform.http;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API description served at {@code /q/openapi} is the committed {@code docs/openapi.yaml}: a change of behaviour
 * that changes the contract shows in review. Run with {@code -Dopenapi.update=true} to rewrite the committed copy.
 */
@QuarkusTest
class OpenApiContractTest {

    private static final Path COMMITTED = Path.of(System.getProperty("tipline.root", ".."))
            .resolve("docs/openapi.yaml");

    @Test
    void theServedDescriptionIsTheCommittedOne() throws Exception {
        // Given
        String served = given().accept("application/yaml").get("/q/openapi").then().statusCode(200).extract()
                .asString();
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(COMMITTED, served, StandardCharsets.UTF_8);
        }
        // When
        String committed = Files.readString(COMMITTED, StandardCharsets.UTF_8);
        // Then
        assertThat(served)
                .as("docs/openapi.yaml is out of date: run the tests with -Dopenapi.update=true and commit it")
                .isEqualTo(committed);
    }

    @Test
    void everyOperationDocumentsItsProblemAnswersAndEveryPostItsIdempotencyKey() {
        // Given
        JsonPath api = given().accept("application/json").get("/q/openapi").jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = api.getMap("paths");
        // Then
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (!path.startsWith("/v1/")) {
                return;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
            assertThat(responses).as(method + " " + path).containsKey("500");
            assertThat(responses.toString()).as(method + " " + path).contains("application/problem+json");
            if (method.equals("post")) {
                assertThat(String.valueOf(operation.get("parameters"))).as(method + " " + path)
                        .contains("Idempotency-Key");
            }
        }));
        assertThat(api.getInt("components.schemas.ReportRequest.properties.escalationReason.maxLength"))
                .isEqualTo(3000);
        assertThat(api.getString("components.schemas.InternetDetail.discriminator.propertyName")).isEqualTo("kind");
    }
}
