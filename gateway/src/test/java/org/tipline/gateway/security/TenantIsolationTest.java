package org.tipline.gateway.security;

import org.junit.jupiter.api.Test;
import org.tipline.gateway.support.SyntheticReports;
import org.tipline.gateway.support.TestApi;

import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tipline.gateway.support.Problems.assertProblem;

/** A platform sees only its own reports; another platform's report is 404, never 403; other roles get 403. */
@QuarkusTest
class TenantIsolationTest {

    @Test
    void anotherPlatformsReportDoesNotExistForYou() {
        // Given
        String owner = TestApi.newPlatform();
        String stranger = TestApi.newPlatform();
        String reportId = TestApi.as(owner).contentType("application/json").body(SyntheticReports.minimal())
                .post("/v1/reports").then().statusCode(201).extract().path("reportId");
        String path = "/v1/reports/" + reportId;
        // When / Then
        assertProblem(TestApi.as(stranger).get(path), 404);
        assertProblem(TestApi.as(stranger).post(path + "/finish"), 404);
        assertProblem(TestApi.as(stranger).post(path + "/retract"), 404);
        assertProblem(TestApi.as(stranger).get(path + "/receipt"), 404);
        assertProblem(TestApi.as(stranger).contentType("application/octet-stream").body(new byte[]{1, 2, 3})
                .post(path + "/files"), 404);
        assertThat(TestApi.as(stranger).get("/v1/reports").jsonPath().getList("items")).isEmpty();
        TestApi.as(owner).get(path).then().statusCode(200);
        assertThat(TestApi.as(owner).get("/v1/reports").jsonPath().getList("items.reportId")).containsExactly(reportId);
    }

    @Test
    void theStrangersAttemptsChangedNothing() {
        // Given
        String owner = TestApi.newPlatform();
        String stranger = TestApi.newPlatform();
        String reportId = TestApi.as(owner).contentType("application/json").body(SyntheticReports.minimal())
                .post("/v1/reports").then().statusCode(201).extract().path("reportId");
        // When
        TestApi.as(stranger).post("/v1/reports/" + reportId + "/retract");
        // Then
        assertThat(TestApi.as(owner).get("/v1/reports/" + reportId).jsonPath().getString("state")).isEqualTo("OPEN");
        TestApi.as(owner).post("/v1/reports/" + reportId + "/finish").then().statusCode(202);
    }

    @Test
    void nonPlatformRolesCannotUseTheReportApi() {
        // Given
        String auditor = TestApi.newKey("auditor");
        String intake = TestApi.newIntakeKey("ncmec");
        String admin = TestApi.newKey("admin");
        // When / Then
        for (String key : new String[]{auditor, intake, admin}) {
            assertProblem(TestApi.as(key).get("/v1/reports"), 403);
        }
    }

    @Test
    void platformsCannotUseTheAdminApi() {
        assertProblem(TestApi.as(TestApi.newPlatform()).get("/v1/admin/credentials"), 403);
    }

    @Test
    void everyRoleCanCheckItsCredential() {
        // Given
        String platform = TestApi.newPlatform();
        // When / Then
        assertThat(TestApi.as(platform).get("/v1/status").jsonPath().getList("roles")).containsExactly("platform");
        assertThat(TestApi.as(TestApi.newIntakeKey("iwf")).get("/v1/status").jsonPath().getList("destinations"))
                .containsExactly("iwf");
    }
}
