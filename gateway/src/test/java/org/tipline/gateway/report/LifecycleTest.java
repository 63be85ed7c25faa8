package org.tipline.gateway.report;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.tipline.gateway.support.Ledger;
import org.tipline.gateway.support.SyntheticReports;
import org.tipline.gateway.support.TestApi;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.tipline.gateway.support.Problems.assertProblem;

/** OPEN → SUBMITTED | RETRACTED | EXPIRED, illegal transitions as 409, listing with cursors. */
@QuarkusTest
class LifecycleTest {

    @Inject
    HousekeepingJobs jobs;

    private static String open(String platform) {
        return TestApi.as(platform).contentType("application/json").body(SyntheticReports.minimal())
                .post("/v1/reports").then().statusCode(201).extract().path("reportId");
    }

    @Test
    void openingAnswers201WithExpiryAndLocation() {
        // When
        Response response = TestApi.as(TestApi.newPlatform()).contentType("application/json")
                .body(SyntheticReports.minimal()).post("/v1/reports");
        // Then
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.jsonPath().getString("state")).isEqualTo("OPEN");
        assertThat(response.header("Location")).endsWith("/v1/reports/" + response.jsonPath().getString("reportId"));
        assertThat(Instant.parse(response.jsonPath().getString("expiresAt")))
                .isCloseTo(Instant.now().plus(24, ChronoUnit.HOURS), within(1, ChronoUnit.MINUTES));
    }

    @Test
    void finishingSubmitsRoutesAndQueues() {
        // Given
        String platform = TestApi.newPlatform();
        String id = open(platform);
        // When
        Response finished = TestApi.as(platform).post("/v1/reports/" + id + "/finish");
        // Then
        assertThat(finished.statusCode()).isEqualTo(202);
        assertThat(finished.jsonPath().getString("state")).isEqualTo("SUBMITTED");
        assertThat(finished.jsonPath().getList("destinations")).containsExactly("ncmec");
        Response status = TestApi.as(platform).get("/v1/reports/" + id);
        assertThat(status.jsonPath().getString("state")).isEqualTo("SUBMITTED");
        assertThat(status.jsonPath().getString("submittedAt")).isNotNull();
        assertThat(status.jsonPath().getString("expiresAt")).isNull();
        assertThat(status.jsonPath().getList("destinations.destination")).containsExactly("ncmec");
    }

    @Test
    void aSubmittedReportCannotBeFinishedOrRetracted() {
        // Given
        String platform = TestApi.newPlatform();
        String id = open(platform);
        TestApi.as(platform).post("/v1/reports/" + id + "/finish").then().statusCode(202);
        // When / Then
        assertProblem(TestApi.as(platform).post("/v1/reports/" + id + "/finish"), 409);
        assertProblem(TestApi.as(platform).post("/v1/reports/" + id + "/retract"), 409);
    }

    @Test
    void anOpenReportCanBeRetractedOnceAndThenNotFinished() {
        // Given
        String platform = TestApi.newPlatform();
        String id = open(platform);
        // When
        Response retracted = TestApi.as(platform).post("/v1/reports/" + id + "/retract");
        // Then
        assertThat(retracted.statusCode()).isEqualTo(200);
        assertThat(retracted.jsonPath().getString("state")).isEqualTo("RETRACTED");
        assertProblem(TestApi.as(platform).post("/v1/reports/" + id + "/finish"), 409);
        assertProblem(TestApi.as(platform).post("/v1/reports/" + id + "/retract"), 409);
        assertThat(TestApi.as(platform).get("/v1/reports/" + id).jsonPath().getString("state")).isEqualTo("RETRACTED");
    }

    @Test
    void openReportsExpireAfterTheirTime() throws Exception {
        // Given
        String platform = TestApi.newPlatform();
        String id = open(platform);
        Instant longAgo = Instant.now().minus(30, ChronoUnit.HOURS);
        Ledger.backdate(id, longAgo, longAgo, longAgo.plus(24, ChronoUnit.HOURS));
        // When
        jobs.expireOpenReports();
        // Then
        assertThat(TestApi.as(platform).get("/v1/reports/" + id).jsonPath().getString("state")).isEqualTo("EXPIRED");
        assertProblem(TestApi.as(platform).post("/v1/reports/" + id + "/finish"), 409);
    }

    @Test
    void anOpenReportPastItsTimeIsExpiredWhenTouched() throws Exception {
        // Given
        String platform = TestApi.newPlatform();
        String id = open(platform);
        Instant longAgo = Instant.now().minus(30, ChronoUnit.HOURS);
        Ledger.backdate(id, longAgo, longAgo, Instant.now().minusSeconds(1));
        // When
        Response finish = TestApi.as(platform).post("/v1/reports/" + id + "/finish");
        // Then
        assertProblem(finish, 409);
        assertThat(finish.jsonPath().getString("detail")).contains("expired");
        assertThat(TestApi.as(platform).get("/v1/reports/" + id).jsonPath().getString("state")).isEqualTo("EXPIRED");
    }

    @Test
    void aChangeExtendsAnOldOpenReportByOneHour() throws Exception {
        // Given
        String platform = TestApi.newPlatform();
        String id = open(platform);
        Instant longAgo = Instant.now().minus(23, ChronoUnit.HOURS).minus(50, ChronoUnit.MINUTES);
        Ledger.backdate(id, longAgo, longAgo, longAgo.plus(24, ChronoUnit.HOURS));
        // When
        TestApi.as(platform).contentType("application/octet-stream").body(new byte[]{1, 2, 3})
                .post("/v1/reports/" + id + "/files").then().statusCode(201);
        // Then
        Instant expiresAt = Instant.parse(TestApi.as(platform).get("/v1/reports/" + id).jsonPath()
                .getString("expiresAt"));
        assertThat(expiresAt).isCloseTo(Instant.now().plus(Duration.ofHours(1)), within(1, ChronoUnit.MINUTES));
    }

    @Test
    void listingIsNewestFirstWithCursorsAndFilters() {
        // Given
        String platform = TestApi.newPlatform();
        List<String> opened = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            opened.add(0, open(platform));
        }
        TestApi.as(platform).post("/v1/reports/" + opened.get(0) + "/finish").then().statusCode(202);
        // When
        Response first = TestApi.as(platform).get("/v1/reports?limit=2");
        Response second = TestApi.as(platform)
                .get("/v1/reports?limit=2&cursor=" + first.jsonPath().getString("nextCursor"));
        Response third = TestApi.as(platform)
                .get("/v1/reports?limit=2&cursor=" + second.jsonPath().getString("nextCursor"));
        // Then
        List<String> seen = new ArrayList<>(first.jsonPath().getList("items.reportId"));
        seen.addAll(second.jsonPath().getList("items.reportId"));
        seen.addAll(third.jsonPath().getList("items.reportId"));
        assertThat(seen).containsExactlyElementsOf(opened);
        assertThat(third.jsonPath().getString("nextCursor")).isNull();
        assertThat(TestApi.as(platform).get("/v1/reports?state=SUBMITTED").jsonPath().getList("items.reportId"))
                .containsExactly(opened.get(0));
        assertThat(TestApi.as(platform).get("/v1/reports?from=2999-01-01T00:00:00Z").jsonPath().getList("items"))
                .isEmpty();
    }

    @Test
    void badListingParametersAre400() {
        String platform = TestApi.newPlatform();
        assertProblem(TestApi.as(platform).get("/v1/reports?limit=0"), 400);
        assertProblem(TestApi.as(platform).get("/v1/reports?limit=201"), 400);
        assertProblem(TestApi.as(platform).get("/v1/reports?limit=ten"), 400);
        assertProblem(TestApi.as(platform).get("/v1/reports?state=DONE"), 400);
        assertProblem(TestApi.as(platform).get("/v1/reports?from=yesterday"), 400);
        assertProblem(TestApi.as(platform).get("/v1/reports?cursor=%%%"), 400);
        assertProblem(TestApi.as(platform).get("/v1/reports?cursor=AAAA"), 400);
    }

    @Test
    void aBadFinishFlagIs400AndAnUnknownIdIs404() {
        String platform = TestApi.newPlatform();
        assertProblem(TestApi.as(platform).contentType("application/json").body(SyntheticReports.minimal())
                .post("/v1/reports?finish=yes"), 400);
        assertProblem(TestApi.as(platform).get("/v1/reports/not-a-uuid"), 404);
        assertProblem(TestApi.as(platform).get("/v1/reports/00000000-0000-7000-8000-000000000000"), 404);
    }
}
