package org.tipline.gateway.support;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/** Calls the real API as a given credential; creates platforms and keys through the admin API. */
public final class TestApi {

    private TestApi() {
    }

    /** A request as {@code key}, with a fresh Idempotency-Key. */
    public static RequestSpecification as(String key) {
        return given().header("Authorization", "Bearer " + key).header("Idempotency-Key", UUID.randomUUID().toString());
    }

    public static RequestSpecification asAdmin() {
        return as(TestStack.ADMIN_KEY);
    }

    /** Registers a new synthetic platform (regimes US_NCMEC, UK_NCA) and returns a platform key for it. */
    public static String newPlatform() {
        return newPlatform("US_NCMEC", "UK_NCA");
    }

    /** Registers a new synthetic platform under the given regimes and returns a platform key for it. */
    public static String newPlatform(String... regimes) {
        return newPlatformWithId("test-platform-" + UUID.randomUUID().toString().substring(0, 8), regimes);
    }

    /** Registers platform {@code id} (for tests that configure something for a known id) and returns a key. */
    public static String newPlatformWithId(String id, String... regimes) {
        asAdmin().contentType(ContentType.JSON)
                .body(Map.of("id", id, "name", "Synthetic test platform", "regimes", List.of(regimes)))
                .post("/v1/admin/platforms").then().log().ifValidationFails().statusCode(201);
        return newKey(Map.of("role", "platform", "platformId", id, "label", "test"));
    }

    /** A new key for a role without bindings (auditor, admin). */
    public static String newKey(String role) {
        return newKey(Map.of("role", role, "label", "test"));
    }

    /** A new intake key for the given destinations. */
    public static String newIntakeKey(String... destinations) {
        return newKey(Map.of("role", "intake", "destinations", List.of(destinations), "label", "test"));
    }

    private static String newKey(Map<String, Object> request) {
        return asAdmin().contentType(ContentType.JSON).body(request).post("/v1/admin/credentials").then().log()
                .ifValidationFails()
                .statusCode(201).extract().path("key");
    }
}
