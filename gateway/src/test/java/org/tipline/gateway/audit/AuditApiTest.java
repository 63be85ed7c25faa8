package org.tipline.gateway.audit;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.OctetKeyPairJsonWebKey;
import org.junit.jupiter.api.Test;
import org.tipline.gateway.support.AuditApi;
import org.tipline.gateway.support.JsonEdit;
import org.tipline.gateway.support.SyntheticReports;
import org.tipline.gateway.support.TestApi;
import org.tipline.gateway.support.TopicReader;
import org.tipline.testsupport.Rfc9162;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tipline.gateway.support.Problems.assertProblem;

/**
 * The auditor API: signed tree heads (JSON and C2SP checkpoint), inclusion and consistency proofs checked with the
 * test's own RFC 9162 verifier, pagination, the SIEM topic, access for auditors only and problem documents for bad
 * queries.
 */
@QuarkusTest
class AuditApiTest {

    private static final List<String> ENDPOINTS = List.of("/v1/audit/events", "/v1/audit/events/0",
            "/v1/audit/export", "/v1/audit/tree-head", "/v1/audit/proofs/inclusion?seq=0&treeSize=1",
            "/v1/audit/proofs/consistency?first=1&second=1");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private static String submitted(String platform) {
        return TestApi.as(platform).contentType(ContentType.JSON).body(SyntheticReports.minimal())
                .post("/v1/reports?finish=true").then().statusCode(202).extract().path("reportId");
    }

    /** The events of a submitted report once it was forwarded. */
    private static List<JsonNode> eventsOfSubmitted(String platform) {
        String id = submitted(platform);
        return AuditApi.awaitEvents("reportId=" + id, found -> AuditApi.types(found).contains("delivery.forwarded"));
    }

    @Test
    void everyEventIsProvenIncludedInASignedHead() throws Exception {
        // Given
        List<JsonNode> events = eventsOfSubmitted(TestApi.newPlatform());
        long last = events.get(events.size() - 1).path("seq").asLong();
        // When
        JsonNode head = AuditApi.awaitHeadCovering(last);
        // Then
        assertThat(AuditApi.signedByTheGateway(head)).isTrue();
        assertThat(events).allSatisfy(event -> assertThat(AuditApi.provenIncluded(event, head)).isTrue());
        JsonNode first = AuditApi.get("/v1/audit/events/0").then().statusCode(200).extract().as(JsonNode.class);
        assertThat(AuditApi.provenIncluded(first, head)).isTrue();
        JsonNode changed = events.get(0).deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) changed).put("type", "report.retracted");
        assertThat(AuditApi.provenIncluded(changed, head)).isFalse();
    }

    @Test
    void aLaterHeadIsProvenConsistentWithAnEarlierOne() {
        // Given two heads with events between them
        String platform = TestApi.newPlatform();
        List<JsonNode> before = eventsOfSubmitted(platform);
        JsonNode older = AuditApi.awaitHeadCovering(before.get(before.size() - 1).path("seq").asLong());
        List<JsonNode> after = eventsOfSubmitted(platform);
        JsonNode newer = AuditApi.awaitHeadCovering(after.get(after.size() - 1).path("seq").asLong());
        long first = older.path("treeSize").asLong();
        long second = newer.path("treeSize").asLong();
        // When
        JsonNode proof = JsonEdit.parse(AuditApi.get("/v1/audit/proofs/consistency?first=" + first + "&second="
                + second).then().statusCode(200).extract().asString());
        JsonNode same = JsonEdit.parse(AuditApi.get("/v1/audit/proofs/consistency?first=" + second + "&second="
                + second).then().statusCode(200).extract().asString());
        // Then
        assertThat(second).isGreaterThan(first);
        assertThat(Rfc9162.verifyConsistency(first, second, AuditApi.root(older), AuditApi.root(newer),
                AuditApi.hashes(proof.path("consistencyPath")))).isTrue();
        assertThat(Rfc9162.verifyConsistency(first, second, AuditApi.root(newer), AuditApi.root(newer),
                AuditApi.hashes(proof.path("consistencyPath")))).isFalse();
        assertThat(same.path("consistencyPath")).isEmpty();
    }

    @Test
    void theTreeHeadIsAlsoASignedNoteCheckpoint() throws Exception {
        // Given
        JsonNode events = eventsOfSubmitted(TestApi.newPlatform()).get(0);
        AuditApi.awaitHeadCovering(events.path("seq").asLong());
        // When
        String note = AuditApi.checkpoint().then().statusCode(200).contentType(ContentType.TEXT)
                .extract().asString();
        // Then: origin, size, root, timestamp extension; a blank line; "— <name> base64(key hash || signature)"
        String[] parts = note.split("\n\n", 2);
        List<String> body = parts[0].lines().toList();
        assertThat(body).hasSize(4);
        assertThat(body.get(0)).isEqualTo("tipline.example/audit");
        assertThat(Long.parseLong(body.get(1))).isPositive();
        assertThat(Base64.getDecoder().decode(body.get(2))).hasSize(32);
        assertThat(body.get(3)).matches("timestamp \\d+");
        assertThat(parts[1]).startsWith("\u2014 tipline.example/audit ").endsWith("\n");
        byte[] signed = Base64.getDecoder().decode(parts[1].trim().split(" ")[2]);
        byte[] publicKey = gatewayPublicKey();
        byte[] keyHash = sha256(concat("tipline.example/audit\n".getBytes(StandardCharsets.UTF_8), new byte[]{1},
                publicKey));
        assertThat(Arrays.copyOf(signed, 4)).isEqualTo(Arrays.copyOf(keyHash, 4));
        Signature ed25519 = Signature.getInstance("Ed25519");
        ed25519.initVerify(gatewayKey());
        ed25519.update((parts[0] + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(ed25519.verify(Arrays.copyOfRange(signed, 4, signed.length))).isTrue();
    }

    @Test
    void pagesWalkEveryEventOnceInOrder() {
        // Given
        List<JsonNode> all = eventsOfSubmitted(TestApi.newPlatform());
        String reportId = all.get(0).path("reportId").asText();
        // When
        List<Long> walked = new ArrayList<>();
        String cursor = "";
        int pages = 0;
        do {
            JsonNode page = JsonEdit.parse(AuditApi.get("/v1/audit/events?limit=2&reportId=" + reportId + cursor)
                    .then().statusCode(200).extract().asString());
            page.path("items").forEach(e -> walked.add(e.path("seq").asLong()));
            cursor = page.hasNonNull("nextCursor") ? "&cursor=" + page.path("nextCursor").asText() : null;
            pages++;
        } while (cursor != null);
        // Then
        assertThat(walked).containsExactlyElementsOf(all.stream().map(e -> e.path("seq").asLong()).toList());
        assertThat(walked).isSorted().doesNotHaveDuplicates();
        assertThat(pages).isEqualTo((all.size() + 1) / 2);
    }

    @Test
    void theSiemTopicCarriesEveryEvent() {
        // Given
        List<JsonNode> events = eventsOfSubmitted(TestApi.newPlatform());
        String reportId = events.get(0).path("reportId").asText();
        try (TopicReader reader = new TopicReader(bootstrapServers, List.of("tipline.audit"))) {
            // When
            List<ConsumerRecord<String, String>> records = reader.awaitRecords(List.of(reportId),
                    Duration.ofSeconds(30), found -> found.size() >= events.size());
            // Then
            Set<Long> published = records.stream().map(r -> JsonEdit.parse(r.value()).path("seq").asLong())
                    .collect(Collectors.toSet());
            assertThat(published).containsAll(events.stream().map(e -> e.path("seq").asLong()).toList());
            assertThat(records).allSatisfy(r -> {
                JsonNode published1 = JsonEdit.parse(r.value());
                assertThat(published1.path("leafHash").asText()).isEqualTo(AuditApi.leafHash(published1));
            });
        }
    }

    @Test
    void onlyAuditorsMayReadTheTrail() {
        // Given
        List<String> others = List.of(TestApi.newPlatform(), TestApi.newIntakeKey("ncmec"), TestApi.newKey("admin"));
        for (String endpoint : ENDPOINTS) {
            // When / Then
            for (String key : others) {
                assertProblem(given().header("Authorization", "Bearer " + key).get(endpoint), 403);
            }
            assertProblem(given().get(endpoint), 401);
        }
    }

    @Test
    void badQueriesAreProblemDocuments() {
        long size = AuditApi.awaitHeadCovering(0).path("treeSize").asLong();
        for (String query : List.of("events?limit=0", "events?limit=1001", "events?limit=ten", "events?cursor=x",
                "events?reportId=not-a-report", "events?from=yesterday", "events?to=2026-01-01",
                "export?from=2026-13-01T00:00:00Z", "proofs/inclusion?seq=0", "proofs/inclusion?treeSize=1",
                "proofs/inclusion?seq=-1&treeSize=1", "proofs/inclusion?seq=1&treeSize=1",
                "proofs/inclusion?seq=0&treeSize=0", "proofs/inclusion?seq=0&treeSize=" + (Long.MAX_VALUE),
                "proofs/consistency?first=0&second=1", "proofs/consistency?first=2&second=1",
                "proofs/consistency?first=1&second=" + (size + 1_000_000), "proofs/consistency?first=1",
                "proofs/consistency?first=1&second=9223372036854775808")) {
            assertProblem(AuditApi.get("/v1/audit/" + query), 400);
        }
        assertProblem(AuditApi.get("/v1/audit/events/99999999999"), 404);
        assertProblem(AuditApi.get("/v1/audit/events/seven"), 404);
    }

    private static PublicKey gatewayKey() throws Exception {
        JsonWebKeySet keys = new JsonWebKeySet(given().get("/v1/keys").asString());
        String keyId = AuditApi.get("/v1/audit/tree-head").jsonPath().getString("keyId");
        return (PublicKey) keys.findJsonWebKey(keyId, null, null, null).getKey();
    }

    private static byte[] gatewayPublicKey() throws Exception {
        JsonWebKeySet keys = new JsonWebKeySet(given().get("/v1/keys").asString());
        String keyId = AuditApi.get("/v1/audit/tree-head").jsonPath().getString("keyId");
        String x = ((OctetKeyPairJsonWebKey) keys.findJsonWebKey(keyId, null, null, null)).toParams(
                org.jose4j.jwk.JsonWebKey.OutputControlLevel.PUBLIC_ONLY).get("x").toString();
        return Base64.getUrlDecoder().decode(x);
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        Arrays.stream(parts).forEach(bytes::writeBytes);
        return bytes.toByteArray();
    }

    private static byte[] sha256(byte[] bytes) throws Exception {
        return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
    }

    @Test
    void aFilterLongerThanAnyIdentifierOrWithAControlCharacterIs400() {
        // When
        Response longest = AuditApi.get("/v1/audit/events?actor=" + "a".repeat(255));
        Response tooLong = AuditApi.get("/v1/audit/events?actor=" + "a".repeat(256));
        Response control = given().header("Authorization", "Bearer " + AuditApi.auditor())
                .queryParam("type", "report\u0001submitted").get("/v1/audit/events");
        // Then
        assertThat(longest.statusCode()).isEqualTo(200);
        assertProblem(tooLong, 400);
        assertThat(tooLong.jsonPath().getString("violations[0].message")).contains("actor");
        assertProblem(control, 400);
        assertThat(control.jsonPath().getString("violations[0].message")).contains("type");
    }
}
