package org.tipline.gateway.intake;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.tipline.gateway.support.JsonEdit;
import org.tipline.gateway.support.SyntheticReports;
import org.tipline.gateway.support.TestApi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tipline.gateway.support.Problems.assertNoInternals;

/**
 * Sends hundreds of generated malformed and adversarial bodies: truncations, type swaps at every leaf, unknown fields
 * at every level, huge strings, deep nesting, invalid UTF-8, duplicate keys, out-of-range numbers, wrong content
 * types. Every one must get a 4xx problem document without internals, and the gateway must keep its earlier reports
 * and keep accepting valid ones.
 */
@QuarkusTest
class HostileInputTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final byte[] VALID = SyntheticReports.full().getBytes(StandardCharsets.UTF_8);

    /** A hostile request: body bytes and the content type to send them with. */
    record Attack(String name, byte[] body, String contentType) {

        static Attack json(String name, byte[] body) {
            return new Attack(name, body, "application/json");
        }

        static Attack json(String name, String body) {
            return json(name, body.getBytes(StandardCharsets.UTF_8));
        }
    }

    static List<Attack> attacks() {
        List<Attack> attacks = new ArrayList<>();
        String valid = SyntheticReports.full();
        for (int cut = 1; cut < valid.length() - 1; cut += valid.length() / 40) {
            attacks.add(Attack.json("truncated at " + cut, valid.substring(0, cut)));
        }
        JsonNode document = JsonEdit.parse(valid);
        List<String> leaves = new ArrayList<>();
        List<String> objects = new ArrayList<>();
        walk(document, "", leaves, objects);
        String[] swaps = {"{}", "[]", "12345", "true", "\"text\"", "-1e999", "[[[]]]", "{\"a\": 1}"};
        int i = 0;
        for (String leaf : leaves) {
            JsonNode original = document.at(leaf);
            for (int added = 0; added < 2;) {
                String swap = swaps[i++ % swaps.length];
                if (JsonEdit.parse(swap).getNodeType() != original.getNodeType()) {
                    attacks.add(Attack.json("type swap " + swap + " at " + leaf,
                            JsonEdit.set(leaf, swap).apply(document).toString()));
                    added++;
                }
            }
        }
        for (String object : objects) {
            attacks.add(Attack.json("unknown field in " + (object.isEmpty() ? "/" : object),
                    JsonEdit.set(object + "/zzUnknown", "1").apply(document).toString()));
        }
        attacks.add(
                Attack.json("huge string (2 MiB)", "{\"additionalInfo\": \"" + "A".repeat(2 * 1024 * 1024) + "\"}"));
        attacks.add(
                Attack.json("deep nesting (arrays)", "{\"jurisdictions\": " + "[".repeat(500) + "]".repeat(500) + "}"));
        attacks.add(Attack.json("deep nesting (objects)", "{\"incident\": " + "{\"a\":".repeat(200) + "1"
                + "}".repeat(200) + "}"));
        attacks.add(Attack.json("duplicate key", "{\"incident\": {}, \"incident\": {}}"));
        attacks.add(Attack.json("duplicate nested key", valid.replace("\"type\": \"ONLINE_ENTICEMENT\",",
                "\"type\": \"ONLINE_ENTICEMENT\", \"type\": \"SPAM\",")));
        attacks.add(Attack.json("invalid UTF-8 byte", bytesWith(valid, new byte[]{(byte) 0xFF, (byte) 0xFE})));
        attacks.add(Attack.json("overlong UTF-8 encoding", bytesWith(valid, new byte[]{(byte) 0xC0, (byte) 0xAF})));
        attacks.add(Attack.json("unpaired surrogate escape", valid.replace("\"Alex\"", "\"\\ud800Alex\"")));
        attacks.add(Attack.json("UTF-8 byte order mark", bytesWith("", new byte[]{(byte) 0xEF, (byte) 0xBB,
                (byte) 0xBF}, valid)));
        attacks.add(Attack.json("UTF-16 encoding", valid.getBytes(StandardCharsets.UTF_16)));
        attacks.add(Attack.json("number out of long range",
                valid.replace("\"age\": 34", "\"age\": 123456789012345678901234567890")));
        attacks.add(Attack.json("very long number", valid.replace("\"age\": 34", "\"age\": 1" + "0".repeat(500))));
        attacks.add(Attack.json("NaN literal", valid.replace("\"age\": 34", "\"age\": NaN")));
        attacks.add(Attack.json("comment", "/* hi */" + valid));
        attacks.add(Attack.json("single quotes", valid.replace('"', '\'')));
        attacks.add(Attack.json("trailing garbage", valid + "}"));
        attacks.add(Attack.json("two documents", valid + valid));
        attacks.add(Attack.json("empty body", ""));
        attacks.add(Attack.json("whitespace only", "   \n "));
        attacks.add(Attack.json("JSON null", "null"));
        attacks.add(Attack.json("JSON array", "[" + valid + "]"));
        attacks.add(Attack.json("JSON string", "\"report\""));
        attacks.add(Attack.json("NUL byte", bytesWith(valid, new byte[]{0})));
        attacks.add(Attack.json("control character in string", valid.replace("Alex", "Al\u0001ex")));
        attacks.add(Attack.json("escaped NUL in a string", valid.replace("\"Alex\"", "\"Al\\u0000ex\"")));
        attacks.add(Attack.json("10000 items", "{\"jurisdictions\": [" + "\"US\",".repeat(9999) + "\"US\"]}"));
        Random random = new Random(42);
        for (int n = 0; n < 20; n++) {
            byte[] noise = new byte[1 + random.nextInt(2000)];
            random.nextBytes(noise);
            attacks.add(Attack.json("random bytes #" + n, noise));
        }
        for (String type : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", "application/octet-stream")) {
            attacks.add(new Attack("content type " + type, VALID, type));
        }
        return attacks;
    }

    @Test
    void everyHostileBodyGetsA4xxProblemAndValidOnesStillWork() throws Exception {
        // Given
        String platform = TestApi.newPlatform();
        String acceptedBefore = TestApi.as(platform).contentType("application/json").body(VALID).post("/v1/reports")
                .then().statusCode(201).extract().path("reportId");
        List<Attack> attacks = attacks();
        assertThat(attacks).hasSizeGreaterThanOrEqualTo(200);
        // When
        for (Attack attack : attacks) {
            HttpResponse<String> response = send(platform, attack);
            // Then
            assertThat(response.statusCode()).as(attack.name()).isBetween(400, 499);
            assertThat(response.headers().firstValue("Content-Type")).as(attack.name()).get().asString()
                    .startsWith("application/problem+json");
            assertThat(JsonEdit.parse(response.body()).path("status").asInt()).as(attack.name())
                    .isEqualTo(response.statusCode());
            assertNoInternals(response.body());
        }
        TestApi.as(platform).get("/v1/reports/" + acceptedBefore).then().statusCode(200);
        TestApi.as(platform).contentType("application/json").body(VALID).post("/v1/reports").then().statusCode(201);
        assertThat(TestApi.as(platform).get("/v1/reports?limit=200").jsonPath().getList("items"))
                .as("only the two valid reports were recorded").hasSize(2);
    }

    /** Sends the attack byte for byte, as a raw HTTP client would. */
    private static HttpResponse<String> send(String key, Attack attack) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/v1/reports"))
                .header("Authorization", "Bearer " + key).header("Idempotency-Key", UUID.randomUUID().toString())
                .header("Content-Type", attack.contentType())
                .POST(HttpRequest.BodyPublishers.ofByteArray(attack.body())).build();
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void walk(JsonNode node, String pointer, List<String> leaves, List<String> objects) {
        if (node.isObject()) {
            objects.add(pointer);
            for (Map.Entry<String, JsonNode> field : ((ObjectNode) node).properties()) {
                walk(field.getValue(), pointer + "/" + field.getKey(), leaves, objects);
            }

        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, leaves, objects);
            }
        } else {
            leaves.add(pointer);
        }
    }

    private static byte[] bytesWith(String prefix, byte[] bad, String suffix) {
        byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] tail = suffix.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + bad.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(bad, 0, all, head.length, bad.length);
        System.arraycopy(tail, 0, all, head.length + bad.length, tail.length);
        return all;
    }

    private static byte[] bytesWith(String valid, byte[] bad) {
        int middle = valid.indexOf("Alex") + 2;
        return bytesWith(valid.substring(0, middle), bad, valid.substring(middle));
    }

    static String unique() {
        return UUID.randomUUID().toString();
    }
}
