package org.tipline.gateway.intake;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.Test;
import org.tipline.gateway.support.TestApi;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tipline.gateway.support.Problems.assertProblem;

/** Receipts verify with a standard JOSE library (Nimbus) using nothing but the public JWKS. */
@QuarkusTest
class ReceiptTest {

    /** Already normalized (no blanks, no nulls), so its canonical form is the stored document's. */
    private static final String REPORT = """
            {"incident": {"type": "CHILD_SEX_TRAFFICKING", "occurredAt": "2026-02-03T04:05:06+02:00"},
             "reporter": {"reportingPerson": {"firstName": "Robin", "emails": [{"address": "robin@platform.example"}]}},
             "jurisdictions": ["US"]}
            """;

    @Test
    void theReceiptVerifiesWithTheJwksAlone() throws Exception {
        // Given
        String platform = TestApi.newPlatform();
        Response submitted = TestApi.as(platform).contentType("application/json").body(REPORT)
                .post("/v1/reports?finish=true");
        submitted.then().statusCode(202);
        String receipt = submitted.jsonPath().getString("receipt");
        JWKSet jwks = JWKSet.parse(given().get("/v1/keys").asString());
        // When
        JWSObject jws = JWSObject.parse(receipt);
        OctetKeyPair key = (OctetKeyPair) jwks.getKeyByKeyId(jws.getHeader().getKeyID());
        // Then
        assertThat(jws.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.EdDSA);
        assertThat(key).as("the receipt's key is published").isNotNull();
        assertThat(key.isPrivate()).as("only public keys are published").isFalse();
        assertThat(jws.verify(new Ed25519Verifier(key))).isTrue();
        Map<String, Object> payload = jws.getPayload().toJSONObject();
        assertThat(payload).containsEntry("reportId", submitted.jsonPath().getString("reportId"))
                .containsEntry("submittedAt", submitted.jsonPath().getString("submittedAt"))
                .containsEntry("destinations", List.of("ncmec")).containsEntry("files", List.of());
        assertThat(payload.get("platformId")).asString().startsWith("test-platform-");
        assertThat(payload.get("contentDigest")).isEqualTo(sha256Hex(new JsonCanonicalizer(REPORT).getEncodedUTF8()));
    }

    @Test
    void theReceiptNamesTheSubmissionTimeTheLedgerKeeps() throws Exception {
        // Given
        String platform = TestApi.newPlatform();
        Response submitted = TestApi.as(platform).contentType("application/json").body(REPORT)
                .post("/v1/reports?finish=true");
        String id = submitted.jsonPath().getString("reportId");
        // When
        String stored = TestApi.as(platform).get("/v1/reports/" + id).jsonPath().getString("submittedAt");
        // Then
        Object signed = JWSObject.parse(submitted.jsonPath().getString("receipt")).getPayload().toJSONObject()
                .get("submittedAt");
        assertThat(signed).as("the signed time is the stored one, to the microsecond").isEqualTo(stored);
        assertThat(submitted.jsonPath().getString("submittedAt")).isEqualTo(stored);
    }

    @Test
    void aTamperedReceiptDoesNotVerify() throws Exception {
        // Given
        String receipt = TestApi.as(TestApi.newPlatform()).contentType("application/json").body(REPORT)
                .post("/v1/reports?finish=true").then().statusCode(202).extract().path("receipt");
        String[] parts = receipt.split("\\.");
        String forgedPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("ncmec", "nobody").getBytes(StandardCharsets.UTF_8));
        JWSObject forged = JWSObject.parse(parts[0] + "." + forgedPayload + "." + parts[2]);
        OctetKeyPair key = (OctetKeyPair) JWKSet.parse(given().get("/v1/keys").asString()).getKeys().get(0);
        // When / Then
        assertThat(forged.verify(new Ed25519Verifier(key))).isFalse();
    }

    @Test
    void theReceiptCanBeFetchedAgainAsJsonOrAsJose() {
        // Given
        String platform = TestApi.newPlatform();
        Response submitted = TestApi.as(platform).contentType("application/json").body(REPORT)
                .post("/v1/reports?finish=true");
        String id = submitted.jsonPath().getString("reportId");
        // When
        Response json = TestApi.as(platform).get("/v1/reports/" + id + "/receipt");
        Response jose = TestApi.as(platform).accept("application/jose").get("/v1/reports/" + id + "/receipt");
        // Then
        assertThat(json.jsonPath().getString("receipt")).isEqualTo(submitted.jsonPath().getString("receipt"));
        assertThat(json.jsonPath().getString("payload.reportId")).isEqualTo(id);
        assertThat(jose.contentType()).startsWith("application/jose");
        assertThat(jose.asString()).isEqualTo(submitted.jsonPath().getString("receipt"));
    }

    @Test
    void anOpenReportHasNoReceiptYet() {
        // Given
        String platform = TestApi.newPlatform();
        String id = TestApi.as(platform).contentType("application/json").body(REPORT).post("/v1/reports").then()
                .statusCode(201).extract().path("reportId");
        // When / Then
        assertProblem(TestApi.as(platform).get("/v1/reports/" + id + "/receipt"), 409);
    }

    private static String sha256Hex(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
