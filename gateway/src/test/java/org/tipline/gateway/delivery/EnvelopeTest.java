package org.tipline.gateway.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.erdtman.jcs.JsonCanonicalizer;
import org.junit.jupiter.api.Test;
import org.tipline.gateway.support.SyntheticReports;
import org.tipline.gateway.support.TestApi;
import org.tipline.gateway.support.TestReceivers;
import org.tipline.gateway.support.TopicReader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDHDecrypter;
import com.nimbusds.jose.crypto.Ed25519Verifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetKeyPair;

import io.quarkus.test.junit.QuarkusTest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tipline.gateway.support.Problems.assertProblem;

/** What an intake system receives: the contract's envelope and headers, signed, with files it can fetch. */
@QuarkusTest
class EnvelopeTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void theEnvelopeFollowsTheContractAndItsSignatureVerifiesWithTheJwks() throws Exception {
        // Given a report with a file and its details
        String platform = TestApi.newPlatform();
        String id = TestApi.as(platform).contentType("application/json").body(SyntheticReports.minimal())
                .post("/v1/reports").then().statusCode(201).extract().path("reportId");
        byte[] noise = new byte[4096];
        new Random(11).nextBytes(noise);
        String fileId = TestApi.as(platform).contentType("application/octet-stream").header("X-Media-Type", "image/png")
                .body(noise).post("/v1/reports/" + id + "/files").then().statusCode(201).extract().path("fileId");
        TestApi.as(platform).contentType("application/json").body("{\"viewedByPlatform\": true}")
                .put("/v1/reports/" + id + "/files/" + fileId + "/details").then().statusCode(200);
        // When
        TestApi.as(platform).post("/v1/reports/" + id + "/finish").then().statusCode(202);
        ConsumerRecord<String, String> record;
        try (TopicReader reader = new TopicReader(bootstrapServers, List.of("tipline.intake.ncmec"))) {
            record = reader.awaitRecords(List.of(id), Duration.ofSeconds(30), r -> !r.isEmpty()).get(0);
        }
        // Then: headers and envelope
        assertThat(record.key()).isEqualTo(id);
        assertThat(header(record, "tipline-kind")).isEqualTo("REPORT");
        assertThat(header(record, "tipline-schema-version")).isEqualTo("2");
        assertThat(header(record, "tipline-priority")).isEqualTo("P3_STANDARD");
        assertThat(header(record, "tipline-report-id")).isEqualTo(id);
        JsonNode wire = TopicReader.rawEnvelopes(List.of(record)).get(0);
        assertThat(wire.fieldNames()).toIterable().containsExactlyInAnyOrder("schemaVersion", "messageId", "kind",
                "reportId", "destination", "priority", "submittedAt", "contentDigest", "fileDigests", "sealed",
                "signature");
        assertThat(wire.path("fileDigests").get(0).asText()).isEqualTo(sha256(noise));
        assertThat(schema("")).as("the published schema").isNotNull();
        assertThat(schema("").validate(wire)).isEmpty();
        assertThat(record.value()).as("no content in clear on the topic")
                .doesNotContain("trust-and-safety@example.com").doesNotContain("viewedByPlatform")
                .doesNotContain("mediaType");
        // and its content opens with the destination's private key alone (Nimbus, independent of the gateway)
        JWEObject sealed = JWEObject.parse(wire.path("sealed").asText());
        assertThat(sealed.getHeader().getAlgorithm()).isEqualTo(JWEAlgorithm.ECDH_ES);
        assertThat(sealed.getHeader().getEncryptionMethod()).isEqualTo(EncryptionMethod.A256GCM);
        assertThat(sealed.getHeader().getType().getType()).isEqualTo("tipline-sealed+jwe");
        ECKey receiver = (ECKey) JWKSet.load(TestReceivers.privateKeys("ncmec").toFile())
                .getKeyByKeyId(sealed.getHeader().getKeyID());
        sealed.decrypt(new ECDHDecrypter(receiver));
        byte[] plaintext = sealed.getPayload().toBytes();
        assertThat(sha256(plaintext)).isEqualTo(wire.path("contentDigest").asText());
        JsonNode envelope = new ObjectMapper().readTree(plaintext);
        assertThat(envelope.fieldNames()).toIterable().containsExactlyInAnyOrder("platformId", "report", "files");
        assertThat(schema("#/$defs/sealed-content").validate(envelope)).isEmpty();
        assertThat(record.value()).doesNotContain(envelope.path("platformId").asText());
        assertThat(envelope.path("report").path("reporter").path("reportingPerson").path("emails").get(0)
                .path("address").asText()).isEqualTo("trust-and-safety@example.com");
        JsonNode file = envelope.path("files").get(0);
        assertThat(file.path("fileId").asText()).isEqualTo(fileId);
        assertThat(file.path("sha256").asText()).isEqualTo(sha256(noise));
        assertThat(file.path("mediaType").asText()).isEqualTo("image/png");
        assertThat(file.path("details").path("viewedByPlatform").asBoolean()).isTrue();
        assertThat(file.path("href").asText()).isEqualTo("/v1/intake/ncmec/files/" + fileId);
        // and the signature: a detached JWS of its own type over the canonical envelope without its signature,
        // ciphertext included
        String signature = wire.path("signature").asText();
        ObjectNode unsigned = ((ObjectNode) wire.deepCopy());
        unsigned.remove("signature");
        byte[] canonical = new JsonCanonicalizer(unsigned.toString()).getEncodedUTF8();
        String[] parts = signature.split("\\.");
        JWSObject jws = new JWSObject(com.nimbusds.jose.util.Base64URL.from(parts[0]), new Payload(canonical),
                com.nimbusds.jose.util.Base64URL.from(parts[2]));
        assertThat(jws.getHeader().getType().getType()).isEqualTo("tipline-envelope+jws");
        OctetKeyPair key = (OctetKeyPair) JWKSet.parse(given().get("/v1/keys").asString())
                .getKeyByKeyId(jws.getHeader().getKeyID());
        assertThat(jws.verify(new Ed25519Verifier(key))).isTrue();
        String ciphertext = unsigned.path("sealed").asText();
        // one character of the ciphertext changed (to another one: an "A" stays no "A")
        unsigned.put("sealed", ciphertext.substring(0, ciphertext.length() - 1)
                + (ciphertext.endsWith("A") ? "B" : "A"));
        JWSObject forged = new JWSObject(com.nimbusds.jose.util.Base64URL.from(parts[0]),
                new Payload(new JsonCanonicalizer(unsigned.toString()).getEncodedUTF8()),
                com.nimbusds.jose.util.Base64URL.from(parts[2]));
        assertThat(forged.verify(new Ed25519Verifier(key))).isFalse();
        // and the file link works for the destination's staff, for nobody else
        byte[] fetched = TestApi.as(TestApi.newIntakeKey("ncmec")).get(file.path("href").asText()).asByteArray();
        assertThat(fetched).isEqualTo(noise);
        assertProblem(TestApi.as(TestApi.newIntakeKey("iwf")).get("/v1/intake/iwf/files/" + fileId), 404);
        assertProblem(TestApi.as(TestApi.newIntakeKey("iwf")).get(file.path("href").asText()), 403);
        assertProblem(TestApi.as(platform).get(file.path("href").asText()), 403);
    }

    @Test
    void theSchemaRefusesContentInClear() throws Exception {
        ObjectNode leaky = (ObjectNode) new ObjectMapper().readTree("""
                {"schemaVersion": 2, "messageId": "01a2a000-0000-7000-8000-000000000001", "kind": "REPORT",
                 "reportId": "01a2a000-0000-7000-8000-000000000002", "destination": "ncmec",
                 "priority": "P3_STANDARD", "contentDigest": "%s", "fileDigests": [],
                 "sealed": "aGVhZGVy..aXY.Y2lwaGVy.dGFn", "signature": "aGVhZGVy..c2ln"}
                """.formatted("0".repeat(64)));
        assertThat(schema("").validate(leaky)).isEmpty();
        assertThat(schema("").validate(leaky.deepCopy().put("platformId", "someone"))).isNotEmpty();
        assertThat(schema("").validate(leaky.deepCopy().set("report", leaky.objectNode()))).isNotEmpty();
        assertThat(schema("").validate(leaky.deepCopy().put("sealed", "{\"report\": {}}"))).isNotEmpty();
    }

    /** The published envelope schema, or one of its definitions. */
    private static JsonSchema schema(String pointer) {
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
        return factory.getSchema(SchemaLocation.of("classpath:schema/envelope-v2.schema.json" + pointer));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
