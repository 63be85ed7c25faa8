package org.tipline.gateway.evidence;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;
import java.util.stream.Stream;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.tipline.gateway.support.SyntheticMedia;
import org.tipline.gateway.support.SyntheticReports;
import org.tipline.gateway.support.TestApi;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tipline.gateway.support.Problems.assertProblem;

/** Evidence uploads: hashed, encrypted at rest, idempotent, size-limited; the batched-mode file rules at finish. */
@QuarkusTest
class EvidenceTest {

    private static final String DETAILS_VIRAL = """
            {"viewedByPlatform": true, "relevance": "REPORTED", "annotations": ["VIRAL"]}
            """;

    @ConfigProperty(name = "tipline.evidence.directory")
    Path store;

    @ConfigProperty(name = "tipline.evidence.max-file-bytes")
    long maxFileBytes;

    private static String open(String platform, String body) {
        return TestApi.as(platform).contentType("application/json").body(body).post("/v1/reports").then()
                .statusCode(201).extract().path("reportId");
    }

    private static Response upload(String platform, String reportId, byte[] bytes) {
        return TestApi.as(platform).contentType("application/octet-stream").body(bytes)
                .post("/v1/reports/" + reportId + "/files");
    }

    @Test
    void anUploadIsHashedAndStoredEncrypted() throws Exception {
        // Given
        String platform = TestApi.newPlatform();
        String id = open(platform, SyntheticReports.minimal());
        byte[] noise = SyntheticMedia.noise(1_500_000, 7);
        // When
        Response response = upload(platform, id, noise);
        // Then
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.jsonPath().getLong("sizeBytes")).isEqualTo(noise.length);
        assertThat(response.jsonPath().getString("md5")).isEqualTo(hex("MD5", noise));
        assertThat(response.jsonPath().getString("sha1")).isEqualTo(hex("SHA-1", noise));
        assertThat(response.jsonPath().getString("sha256")).isEqualTo(hex("SHA-256", noise));
        byte[] stored = Files.readAllBytes(store.resolve(response.jsonPath().getString("fileId") + ".ev"));
        assertThat(stored.length).isGreaterThan(noise.length);
        assertThat(indexOf(stored, java.util.Arrays.copyOfRange(noise, 1000, 1032))).as("no plaintext at rest")
                .isNegative();
        assertThat(TestApi.as(platform).get("/v1/reports/" + id).jsonPath().getList("files.fileId"))
                .containsExactly(response.jsonPath().getString("fileId"));
    }

    @Test
    void aRetriedUploadIsOneFileAndLeavesNoOrphan() throws Exception {
        // Given
        String platform = TestApi.newPlatform();
        String id = open(platform, SyntheticReports.minimal());
        byte[] noise = SyntheticMedia.noise(10_000, 8);
        String key = UUID.randomUUID().toString();
        long objectsBefore = objects();
        Response first = io.restassured.RestAssured.given().header("Authorization", "Bearer " + platform)
                .header("Idempotency-Key", key).contentType("application/octet-stream").body(noise)
                .post("/v1/reports/" + id + "/files");
        // When
        Response retry = io.restassured.RestAssured.given().header("Authorization", "Bearer " + platform)
                .header("Idempotency-Key", key).contentType("application/octet-stream").body(noise)
                .post("/v1/reports/" + id + "/files");
        // Then
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.jsonPath().getString("fileId")).isEqualTo(first.jsonPath().getString("fileId"));
        assertThat(TestApi.as(platform).get("/v1/reports/" + id).jsonPath().getList("files")).hasSize(1);
        assertThat(objects()).isEqualTo(objectsBefore + 1);
    }

    @Test
    void anUploadOverTheLimitIs413AndKeepsNothing() throws Exception {
        // Given
        String platform = TestApi.newPlatform();
        String id = open(platform, SyntheticReports.minimal());
        long objectsBefore = objects();
        // When
        Response response = upload(platform, id, SyntheticMedia.noise((int) maxFileBytes + 1, 9));
        // Then
        assertProblem(response, 413);
        assertThat(objects()).isEqualTo(objectsBefore);
        assertThat(TestApi.as(platform).get("/v1/reports/" + id).jsonPath().getList("files")).isEmpty();
    }

    @Test
    void filesAddedAfterSubmissionWaitForASupplementAndRetractedReportsTakeNone() {
        // Given
        String platform = TestApi.newPlatform();
        String submitted = open(platform, SyntheticReports.minimal());
        TestApi.as(platform).post("/v1/reports/" + submitted + "/finish").then().statusCode(202);
        String retracted = open(platform, SyntheticReports.minimal());
        TestApi.as(platform).post("/v1/reports/" + retracted + "/retract").then().statusCode(200);
        // When
        Response late = upload(platform, submitted, new byte[]{1});
        // Then
        assertThat(late.statusCode()).isEqualTo(201);
        assertThat(TestApi.as(platform).get("/v1/reports/" + submitted + "/receipt").jsonPath()
                .getList("payload.files")).as("the receipt is not changed by later files").isEmpty();
        assertProblem(upload(platform, retracted, new byte[]{1}), 409);
    }

    @Test
    void fileDetailsAreValidated() {
        // Given
        String platform = TestApi.newPlatform();
        String id = open(platform, SyntheticReports.minimal());
        String fileId = upload(platform, id, new byte[]{1, 2}).then().statusCode(201).extract().path("fileId");
        String path = "/v1/reports/" + id + "/files/" + fileId + "/details";
        // When
        Response bad = TestApi.as(platform).contentType("application/json")
                .body("{\"exifViewedByPlatform\": true, \"viewedByPlatform\": false}").put(path);
        Response good = TestApi.as(platform).contentType("application/json").body(DETAILS_VIRAL).put(path);
        // Then
        assertProblem(bad, 422);
        assertThat(bad.jsonPath().getList("violations.pointer")).containsExactly("/exifViewedByPlatform");
        assertThat(good.statusCode()).isEqualTo(200);
        assertThat(TestApi.as(platform).get("/v1/reports/" + id).jsonPath().getBoolean("files[0].hasDetails")).isTrue();
    }

    @Test
    void batchedReportsNeedExactlyOneEligibleFile() {
        // Given
        String platform = TestApi.newPlatform();
        String batched = """
                {"incident": {"type": "CHILD_SEXUAL_ABUSE_MATERIAL", "occurredAt": "2026-01-02T03:04:05Z"},
                 "reporter": {"reportingPerson": {"emails": [{"address": "trust-and-safety@example.com"}]}},
                 "batch": {"reason": "VIRAL_POTENTIAL_MEME"}, "reportedPersons": [{"espIdentifier": "user-1"}]}
                """;
        String id = open(platform, batched);
        // When / Then: no file
        Response none = TestApi.as(platform).post("/v1/reports/" + id + "/finish");
        assertProblem(none, 422);
        assertThat(none.jsonPath().getList("violations.code")).containsExactly("BATCH_FILE_COUNT");
        // a file without annotations
        String fileId = upload(platform, id, SyntheticMedia.noise(100, 1)).then().statusCode(201).extract()
                .path("fileId");
        Response notAnnotated = TestApi.as(platform).post("/v1/reports/" + id + "/finish");
        assertProblem(notAnnotated, 422);
        assertThat(notAnnotated.jsonPath().getList("violations.code")).containsExactly("BATCH_FILE_NOT_ELIGIBLE");
        // two files
        String second = upload(platform, id, SyntheticMedia.noise(100, 2)).then().statusCode(201).extract()
                .path("fileId");
        assertThat(TestApi.as(platform).post("/v1/reports/" + id + "/finish").jsonPath().getList("violations.code"))
                .containsExactly("BATCH_FILE_COUNT");
        assertThat(second).isNotEqualTo(fileId);
        // one eligible file in a fresh batched report
        String eligible = open(platform, batched);
        String file = upload(platform, eligible, SyntheticMedia.noise(100, 3)).then().statusCode(201).extract()
                .path("fileId");
        TestApi.as(platform).contentType("application/json").body(DETAILS_VIRAL)
                .put("/v1/reports/" + eligible + "/files/" + file + "/details").then().statusCode(200);
        Response finished = TestApi.as(platform).post("/v1/reports/" + eligible + "/finish");
        assertThat(finished.statusCode()).isEqualTo(202);
        assertThat(TestApi.as(platform).get("/v1/reports/" + eligible + "/receipt").jsonPath()
                .getList("payload.files.fileId")).containsExactly(file);
    }

    private long objects() throws Exception {
        if (!Files.exists(store)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(store)) {
            return files.filter(p -> p.toString().endsWith(".ev")).count();
        }
    }

    private static String hex(String algorithm, byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer : for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void aBatchedReportFiledInOneCallHasNoFileAndIsRefusedWithNothingKept() {
        // Given
        String platform = TestApi.newPlatform();
        String batched = """
                {"incident": {"type": "CHILD_SEXUAL_ABUSE_MATERIAL", "occurredAt": "2026-01-02T03:04:05Z"},
                 "reporter": {"reportingPerson": {"emails": [{"address": "trust-and-safety@example.com"}]}},
                 "batch": {"reason": "VIRAL_POTENTIAL_MEME"}, "reportedPersons": [{"espIdentifier": "user-1"}]}
                """;
        // When
        Response response = TestApi.as(platform).contentType("application/json").body(batched)
                .post("/v1/reports?finish=true");
        // Then
        assertProblem(response, 422);
        assertThat(response.jsonPath().getList("violations.code")).containsExactly("BATCH_FILE_COUNT");
        assertThat(TestApi.as(platform).get("/v1/reports").jsonPath().getList("items")).isEmpty();
    }
}
