package org.tipline.gateway;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.tipline.gateway.support.SyntheticReports;
import org.tipline.gateway.support.TestApi;
import org.tipline.gateway.support.TestStack;
import org.tipline.gateway.support.TopicReader;

import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.response.Response;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged application ({@code java -jar target/quarkus-app/quarkus-run.jar}, production profile) as an operator
 * runs it, pointed at external servers (the test stack): it reports ready, files a report, signs a receipt the JWKS
 * verifies, and forwards the report to its destination's topic.
 */
@QuarkusIntegrationTest
class PackagedGatewayIT {

    @Test
    void thePackagedGatewayFilesAndForwardsAReport() throws Exception {
        // Given
        org.tipline.gateway.support.Management.given().get("/q/health/ready").then().statusCode(200);
        assertThat(given().get("/q/health/ready").statusCode()).as("health is not on the API port").isEqualTo(404);
        assertThat(given().get("/q/metrics").statusCode()).as("metrics are not on the API port").isEqualTo(404);
        assertThat(given().get("/q/swagger-ui/").statusCode()).as("no Swagger UI in production").isEqualTo(404);
        assertThat(given().accept("application/json").get("/q/openapi").statusCode()).isEqualTo(200);
        String platform = TestApi.newPlatform();
        // When
        Response submitted = TestApi.as(platform).contentType("application/json").body(SyntheticReports.full())
                .post("/v1/reports?finish=true");
        // Then
        assertThat(submitted.statusCode()).as(submitted.asString()).isEqualTo(202);
        String reportId = submitted.jsonPath().getString("reportId");
        JWSObject receipt = JWSObject.parse(submitted.jsonPath().getString("receipt"));
        OctetKeyPair key = (OctetKeyPair) JWKSet.parse(given().get("/v1/keys").asString())
                .getKeyByKeyId(receipt.getHeader().getKeyID());
        assertThat(receipt.verify(new Ed25519Verifier(key))).isTrue();
        try (TopicReader reader = new TopicReader(TestStack.get().kafka().orElseThrow().bootstrapServers(),
                List.of("tipline.intake.ncmec"))) {
            List<ConsumerRecord<String, String>> records = reader.awaitRecords(List.of(reportId),
                    Duration.ofSeconds(60), received -> !received.isEmpty());
            assertThat(TopicReader.envelopes(records).get(0).path("reportId").asText()).isEqualTo(reportId);
        }
    }
}
