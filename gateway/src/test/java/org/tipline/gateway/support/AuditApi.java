package org.tipline.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.erdtman.jcs.JsonCanonicalizer;
import org.jose4j.jwk.JsonWebKeySet;
import org.tipline.testsupport.Rfc9162;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.response.Response;

import static io.restassured.RestAssured.given;

/**
 * The audit API as an auditor uses it, with checks an auditor would make on their own: leaf hashes recomputed from the
 * events (RFC 8785 with the reference JCS library, RFC 9162 with the test's own implementation) and tree-head
 * signatures checked with the published keys.
 */
public final class AuditApi {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static String auditor;

    private AuditApi() {
    }

    /** An auditor key, created once per test run. */
    public static synchronized String auditor() {
        if (auditor == null) {
            auditor = TestApi.newKey("auditor");
        }
        return auditor;
    }

    public static Response get(String path) {
        return given().header("Authorization", "Bearer " + auditor()).get(path);
    }

    /** The latest tree head as a C2SP signed-note checkpoint ({@code Accept: text/plain}). */
    public static Response checkpoint() {
        return given().header("Authorization", "Bearer " + auditor()).accept("text/plain").get("/v1/audit/tree-head");
    }

    /** All events matching the query (every page), once {@code done} holds for them. */
    public static List<JsonNode> awaitEvents(String query, Predicate<List<JsonNode>> done) {
        List<List<JsonNode>> found = new ArrayList<>();
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> {
            found.add(0, events(query));
            return done.test(found.get(0));
        });
        return found.get(0);
    }

    /** Every event matching the query, walking the pages. */
    public static List<JsonNode> events(String query) {
        List<JsonNode> events = new ArrayList<>();
        String cursor = null;
        do {
            Response page = get("/v1/audit/events?limit=500&" + query + (cursor == null ? "" : "&cursor=" + cursor));
            page.then().statusCode(200);
            JsonNode body = JsonEdit.parse(page.asString());
            body.path("items").forEach(events::add);
            cursor = body.hasNonNull("nextCursor") ? body.path("nextCursor").asText() : null;
        } while (cursor != null);
        return events;
    }

    /** The event types, in log order. */
    public static List<String> types(List<JsonNode> events) {
        return events.stream().map(e -> e.path("type").asText()).toList();
    }

    /** The latest signed tree head once it covers event {@code seq}. */
    public static JsonNode awaitHeadCovering(long seq) {
        List<JsonNode> head = new ArrayList<>();
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> {
            Response response = get("/v1/audit/tree-head");
            if (response.statusCode() != 200) {
                return false;
            }
            head.add(0, JsonEdit.parse(response.asString()));
            return head.get(0).path("treeSize").asLong() > seq;
        });
        return head.get(0);
    }

    /** SHA-256(0x00 || RFC 8785 canonical JSON of the event without its leafHash), base64. */
    public static String leafHash(JsonNode event) {
        ObjectNode content = event.deepCopy();
        content.remove("leafHash");
        try {
            return b64(Rfc9162.leaf(new JsonCanonicalizer(content.toString()).getEncodedUTF8()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the inclusion proof of the event, recomputed from its content, leads to the signed head's root. */
    public static boolean provenIncluded(JsonNode event, JsonNode head) {
        long seq = event.path("seq").asLong();
        long size = head.path("treeSize").asLong();
        JsonNode proof = JsonEdit.parse(get("/v1/audit/proofs/inclusion?seq=" + seq + "&treeSize=" + size).then()
                .statusCode(200).extract().asString());
        return Rfc9162.verifyInclusion(proof.path("leafIndex").asLong(), proof.path("treeSize").asLong(),
                Base64.getDecoder().decode(leafHash(event)), hashes(proof.path("auditPath")), root(head));
    }

    /** Whether the head's Ed25519 signature over its checkpoint body verifies with the published key. */
    public static boolean signedByTheGateway(JsonNode head) throws Exception {
        JsonWebKeySet keys = new JsonWebKeySet(given().get("/v1/keys").asString());
        PublicKey key = (PublicKey) keys.findJsonWebKey(head.path("keyId").asText(), null, null, null).getKey();
        String body = head.path("origin").asText() + "\n" + head.path("treeSize").asLong() + "\n"
                + head.path("rootHash").asText() + "\ntimestamp "
                + Instant.parse(head.path("timestamp").asText()).toEpochMilli() + "\n";
        Signature ed25519 = Signature.getInstance("Ed25519");
        ed25519.initVerify(key);
        ed25519.update(body.getBytes(StandardCharsets.UTF_8));
        return ed25519.verify(Base64.getDecoder().decode(head.path("signature").asText()));
    }

    public static byte[] root(JsonNode head) {
        return Base64.getDecoder().decode(head.path("rootHash").asText());
    }

    public static List<byte[]> hashes(JsonNode array) {
        List<byte[]> hashes = new ArrayList<>();
        array.forEach(hash -> hashes.add(Base64.getDecoder().decode(hash.asText())));
        return hashes;
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
