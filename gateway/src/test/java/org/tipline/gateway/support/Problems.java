package org.tipline.gateway.support;

import io.restassured.response.Response;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions every error answer must pass: a problem document without internals. */
public final class Problems {

    private Problems() {
    }

    /** The answer is an RFC 9457 problem document with {@code status}, a request id and no stack or class names. */
    public static void assertProblem(Response response, int status) {
        assertThat(response.statusCode()).as("status of %s", response.asString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getInt("status")).isEqualTo(status);
        assertThat(response.jsonPath().getString("type")).startsWith("urn:tipline:problem:");
        assertThat(response.jsonPath().getString("title")).isNotBlank();
        assertThat(response.jsonPath().getString("requestId")).isNotBlank();
        assertNoInternals(response.asString());
    }

    /** No stack trace, exception class, Java package or SQL in a body. */
    public static void assertNoInternals(String body) {
        assertThat(body).doesNotContain("Exception").doesNotContain("org.tipline").doesNotContain("java.")
                .doesNotContain("\tat ").doesNotContain("jakarta.").doesNotContain("com.fasterxml")
                .doesNotContain("SQL").doesNotContain("io.quarkus");
    }
}
