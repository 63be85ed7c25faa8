package org.tipline.gateway.intake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.tipline.gateway.support.Ledger;
import org.tipline.gateway.support.SyntheticReports;
import org.tipline.gateway.support.TestApi;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tipline.gateway.support.Problems.assertProblem;

/** Idempotency-Key on every POST: replays answer as the original did; reuse for another request is refused. */
@QuarkusTest
class IdempotencyTest {

    private static RequestSpecification post(String platform, String key) {
        return given().header("Authorization", "Bearer " + platform).header("Idempotency-Key", key)
                .contentType("application/json");
    }

    @Test
    void aRetryReturnsTheOriginalAnswerMarkedReplayed() {
        // Given
        String platform = TestApi.newPlatform();
        String key = UUID.randomUUID().toString();
        Response first = post(platform, key).body(SyntheticReports.minimal()).post("/v1/reports");
        // When
        Response retry = post(platform, key).body(SyntheticReports.minimal()).post("/v1/reports");
        // Then
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.asString()).isEqualTo(first.asString());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(TestApi.as(platform).get("/v1/reports").jsonPath().getList("items")).hasSize(1);
    }

    @Test
    void theSameJsonWrittenDifferentlyIsTheSameRequest() {
        // Given
        String platform = TestApi.newPlatform();
        String key = UUID.randomUUID().toString();
        String compact = SyntheticReports.minimal().replaceAll("\\s+", "");
        post(platform, key).body(SyntheticReports.minimal()).post("/v1/reports").then().statusCode(201);
        // When
        Response retry = post(platform, key).body(compact).post("/v1/reports");
        // Then
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void theSameKeyWithAnotherBodyIs422() {
        // Given
        String platform = TestApi.newPlatform();
        String key = UUID.randomUUID().toString();
        post(platform, key).body(SyntheticReports.minimal()).post("/v1/reports").then().statusCode(201);
        // When
        Response other = post(platform, key).body(SyntheticReports.full()).post("/v1/reports");
        // Then
        assertProblem(other, 422);
        assertThat(other.jsonPath().getString("type")).isEqualTo("urn:tipline:problem:idempotency-key-reused");
        assertThat(TestApi.as(platform).get("/v1/reports").jsonPath().getList("items")).hasSize(1);
    }

    @Test
    void theSameKeyOnAnotherEndpointIs422() {
        // Given
        String platform = TestApi.newPlatform();
        String key = UUID.randomUUID().toString();
        String id = post(platform, key).body(SyntheticReports.minimal()).post("/v1/reports").then().statusCode(201)
                .extract().path("reportId");
        // When / Then
        assertProblem(post(platform, key).post("/v1/reports/" + id + "/finish"), 422);
    }

    @Test
    void theSameBodyWithFinishIsAnotherRequest() {
        // Given
        String platform = TestApi.newPlatform();
        String key = UUID.randomUUID().toString();
        post(platform, key).body(SyntheticReports.minimal()).post("/v1/reports").then().statusCode(201);
        // When / Then
        assertProblem(post(platform, key).body(SyntheticReports.minimal()).post("/v1/reports?finish=true"), 422);
    }

    @Test
    void keysBelongToOnePlatform() {
        // Given
        String a = TestApi.newPlatform();
        String b = TestApi.newPlatform();
        String key = UUID.randomUUID().toString();
        String first = post(a, key).body(SyntheticReports.minimal()).post("/v1/reports").then().statusCode(201)
                .extract().path("reportId");
        // When
        Response other = post(b, key).body(SyntheticReports.minimal()).post("/v1/reports");
        // Then
        assertThat(other.statusCode()).isEqualTo(201);
        assertThat(other.header("Idempotent-Replayed")).isNull();
        assertThat(other.jsonPath().getString("reportId")).isNotEqualTo(first);
    }

    @Test
    void aKeyOfMoreThan255CharactersIs400() {
        assertProblem(post(TestApi.newPlatform(), "k".repeat(256)).body(SyntheticReports.minimal())
                .post("/v1/reports"), 400);
    }

    @Test
    void finishAndRetractNeedAKey() {
        // Given
        String platform = TestApi.newPlatform();
        String id = TestApi.as(platform).contentType("application/json").body(SyntheticReports.minimal())
                .post("/v1/reports").then().statusCode(201).extract().path("reportId");
        // When / Then
        assertProblem(given().header("Authorization", "Bearer " + platform).post("/v1/reports/" + id + "/finish"),
                400);
        assertProblem(given().header("Authorization", "Bearer " + platform).post("/v1/reports/" + id + "/retract"),
                400);
    }

    @Test
    void concurrentRequestsWithOneKeyCreateExactlyOneReport() throws Exception {
        // Given
        String platform = TestApi.newPlatform();
        String key = UUID.randomUUID().toString();
        int clients = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                Callable<Response> call = () -> {
                    start.await();
                    return post(platform, key).body(SyntheticReports.minimal()).post("/v1/reports?finish=true");
                };
                answers.add(pool.submit(call));
            }
            // When
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> answer : answers) {
                responses.add(answer.get());
            }
            // Then
            assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isIn(202, 409));
            Set<String> ids = responses.stream().filter(r -> r.statusCode() == 202)
                    .map(r -> r.jsonPath().getString("reportId")).collect(Collectors.toSet());
            assertThat(ids).hasSize(1);
            assertThat(responses.stream().filter(r -> r.statusCode() == 202 && r.header("Idempotent-Replayed") == null))
                    .as("exactly one original answer").hasSize(1);
            assertThat(TestApi.as(platform).get("/v1/reports").jsonPath().getList("items")).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentRequestsWithOneKeyAndDifferentBodiesCreateOneReportAndRefuseTheOthers() throws Exception {
        // Given: half the requests carry another body (in one group commit, two of them may share a transaction)
        String platform = TestApi.newPlatform();
        String key = UUID.randomUUID().toString();
        int clients = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Response>> answers = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                String body = i % 2 == 0 ? SyntheticReports.minimal() : SyntheticReports.full();
                bodies.add(body);
                answers.add(pool.submit(() -> {
                    start.await();
                    return post(platform, key).body(body).post("/v1/reports?finish=true");
                }));
            }
            // When
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> answer : answers) {
                responses.add(answer.get());
            }
            // Then
            List<Integer> originals = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                Response r = responses.get(i);
                assertThat(r.statusCode()).as(r.asString()).isIn(202, 409, 422);
                if (r.statusCode() == 202 && r.header("Idempotent-Replayed") == null) {
                    originals.add(i);
                }
            }
            assertThat(originals).as("exactly one original answer").hasSize(1);
            String winner = bodies.get(originals.get(0));
            for (int i = 0; i < clients; i++) {
                Response r = responses.get(i);
                if (r.statusCode() == 202) {
                    assertThat(bodies.get(i)).as("only the original body is replayed").isEqualTo(winner);
                    assertThat(r.jsonPath().getString("reportId"))
                            .isEqualTo(responses.get(originals.get(0)).jsonPath().getString("reportId"));
                } else if (r.statusCode() == 422) {
                    assertThat(bodies.get(i)).as("the other body is refused").isNotEqualTo(winner);
                }
            }
            assertThat(TestApi.as(platform).get("/v1/reports").jsonPath().getList("items")).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aKeyAnotherRequestHoldsLongerThanTheLockTimeoutIs409() throws Exception {
        // Given: a transaction that holds the key's row, as a request still in flight would (10 s lock timeout)
        String platform = TestApi.newPlatform();
        String platformId = given().header("Authorization", "Bearer " + platform).get("/v1/status").then()
                .statusCode(200).extract().path("platformId");
        String key = UUID.randomUUID().toString();
        try (Connection holder = Ledger.superuser()) {
            holder.setAutoCommit(false);
            try (PreparedStatement insert = holder.prepareStatement("INSERT INTO idempotency_key (owner, key,"
                    + " request_digest, status, result, created_at) VALUES (?, ?, ?, 202, '{}'::jsonb, now())")) {
                insert.setString(1, "platform:" + platformId);
                insert.setString(2, key);
                insert.setBytes(3, new byte[32]);
                insert.executeUpdate();
            }
            // When
            Response waiting = post(platform, key).body(SyntheticReports.minimal()).post("/v1/reports?finish=true");
            holder.rollback();
            // Then
            assertProblem(waiting, 409);
            assertThat(waiting.jsonPath().getString("type")).isEqualTo("urn:tipline:problem:idempotency-key-in-flight");
        }
        assertThat(TestApi.as(platform).get("/v1/reports").jsonPath().getList("items")).isEmpty();
    }
}
