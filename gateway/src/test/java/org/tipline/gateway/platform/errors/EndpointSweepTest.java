package org.tipline.gateway.platform.errors;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.tipline.gateway.support.JsonEdit;
import org.tipline.gateway.support.TestApi;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tipline.gateway.support.Problems.assertNoInternals;

/**
 * Every operation of the served API description, called with a credential of its role and hostile path values,
 * query values, bodies and headers: whatever the input, the answer is never a 5xx, and every error is a problem
 * document without internals (a successful answer is data, e.g. base64 hashes, and is not searched for them). Driven by {@code /q/openapi}, so an operation added later is swept too.
 */
@QuarkusTest
class EndpointSweepTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    /** Values no path or query parameter should choke on. */
    private static final List<String> HOSTILE_VALUES = List.of("", "not-a-uuid", "-1", "0", "2147483648",
            "99999999999999999999999", "1e308", "NaN", "../../etc/passwd", "..%2F..%2F", "%00", "\u0000",
            "' OR 1=1 --", "ünïcödé-😀", "2026-13-45T99:99:99Z", "x".repeat(5_000), UUID.randomUUID().toString(),
            "00000000-0000-0000-0000-000000000000", "{\"a\":1}", "true");

    /** Bodies no JSON operation should choke on. */
    private static final List<String> HOSTILE_BODIES = List.of("", "{", "[]", "null", "\"text\"", "{\"zz\": 1}",
            "{\"a\":".repeat(300) + "1" + "}".repeat(300), "{\"status\": \"" + "x".repeat(100_000) + "\"}",
            "{\"reportId\": 12, \"status\": [], \"destinations\": {}}", "{\"a\": 1, \"a\": 2}");

    private Map<String, String> keys;

    @TestFactory
    Stream<DynamicTest> noInputMakesAnyOperationFail() {
        keys = Map.of("platform", TestApi.newPlatform(), "intake", TestApi.newIntakeKey("ncmec"), "auditor",
                TestApi.newKey("auditor"), "admin", TestApi.newKey("admin"));
        JsonNode api = JsonEdit.parse(RestAssured.given().accept("application/json").get("/q/openapi").asString());
        List<DynamicTest> tests = new ArrayList<>();
        api.path("paths").properties().forEach(path -> {
            if (!path.getKey().startsWith("/v1/")) {
                return;
            }
            path.getValue().properties().forEach(operation -> tests.addAll(sweep(path.getKey(),
                    operation.getKey().toUpperCase(), operation.getValue())));
        });
        assertThat(tests).as("the API description lists the operations").hasSizeGreaterThan(200);
        return tests.stream();
    }

    private List<DynamicTest> sweep(String template, String method, JsonNode operation) {
        String key = keyFor(operation);
        List<String> pathParameters = new ArrayList<>();
        List<String> queryParameters = new ArrayList<>();
        operation.path("parameters").forEach(parameter -> {
            switch (parameter.path("in").asText()) {
                case "path" -> pathParameters.add(parameter.path("name").asText());
                case "query" -> queryParameters.add(parameter.path("name").asText());
                default -> {
                }
            }
        });
        String plain = fill(template, pathParameters, UUID.randomUUID().toString());
        List<String> bodyTypes = new ArrayList<>();
        operation.path("requestBody").path("content").fieldNames().forEachRemaining(bodyTypes::add);
        String name = method + " " + template;
        String someBody = bodyTypes.isEmpty() ? null : "{}";
        List<DynamicTest> tests = new ArrayList<>();
        for (String parameter : pathParameters) {
            for (String value : HOSTILE_VALUES) {
                String uri = fill(template.replace("{" + parameter + "}", encode(value)), pathParameters,
                        UUID.randomUUID().toString());
                tests.add(call(name + " with " + parameter + "=" + abbreviate(value), key, method, uri,
                        "application/json", someBody));
            }
        }
        for (String parameter : queryParameters) {
            for (String value : HOSTILE_VALUES) {
                tests.add(call(name + " with ?" + parameter + "=" + abbreviate(value), key, method,
                        plain + "?" + parameter + "=" + encode(value), "application/json", someBody));
            }
            tests.add(call(name + " with ?" + parameter + " twice", key, method,
                    plain + "?" + parameter + "=1&" + parameter + "=2", "application/json", someBody));
        }
        if (bodyTypes.contains("application/json")) {
            for (String body : HOSTILE_BODIES) {
                tests.add(call(name + " with body " + abbreviate(body), key, method, plain, "application/json",
                        body));
            }
            byte[] noise = new byte[512];
            new Random(7).nextBytes(noise);
            tests.add(call(name + " with random bytes", key, method, plain, "application/json",
                    new String(noise, StandardCharsets.ISO_8859_1)));
        }
        if (!bodyTypes.isEmpty()) {
            tests.add(call(name + " with an XML body", key, method, plain, "application/xml", "<report/>"));
        }
        tests.add(call(name + " with no credential", null, method, plain, "application/json", someBody));
        tests.add(call(name + " with no Content-Type", key, method, plain, null, someBody));
        tests.add(call(name + " with a garbled Content-Type", key, method, plain, "multipart/;;==", someBody));
        tests.add(call(name + " with a 300-character Idempotency-Key", key, method, plain, "application/json",
                someBody, "Idempotency-Key", "k".repeat(300)));
        tests.add(call(name + " asking for XML", key, method, plain, "application/json", someBody, "Accept",
                "application/xml"));
        return tests;
    }

    private static DynamicTest call(String name, String key, String method, String uri, String contentType,
            String body, String... headers) {
        return DynamicTest.dynamicTest(name, () -> {
            // Given
            HttpRequest.Builder request = HttpRequest
                    .newBuilder(URI.create("http://localhost:" + RestAssured.port + uri))
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .method(method, body == null
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body.getBytes(StandardCharsets.ISO_8859_1)));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            if (key != null) {
                request.header("Authorization", "Bearer " + key);
            }
            for (int i = 0; i < headers.length; i += 2) {
                request.setHeader(headers[i], headers[i + 1]);
            }
            // When
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            // Then
            assertThat(response.statusCode()).as("status").isLessThan(500);
            if (response.statusCode() >= 400) {
                assertThat(response.headers().firstValue("Content-Type")).get().asString()
                        .startsWith("application/problem+json");
                assertThat(JsonEdit.parse(response.body()).path("status").asInt())
                        .isEqualTo(response.statusCode());
                assertNoInternals(response.body());
            }
        });
    }

    /** The key of the operation's first role; operations without security get none. */
    private String keyFor(JsonNode operation) {
        JsonNode roles = operation.path("security").path(0).path("bearer");
        return roles.isArray() && !roles.isEmpty() ? keys.get(roles.get(0).asText()) : null;
    }

    private static String fill(String template, List<String> parameters, String value) {
        String filled = template;
        for (String parameter : parameters) {
            filled = filled.replace("{" + parameter + "}", parameter.equals("destination") ? "ncmec" : value);
        }
        return filled;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String value) {
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "…(" + value.length() + ")" : printable;
    }
}
