package org.tipline.gateway.evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
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

/**
 * Evidence as the one part named {@code file} of a multipart/form-data body (API.md): the same hashes, encryption and
 * limits as a raw upload; any other part or a broken body is refused before anything is kept; and no plaintext copy
 * of the file is spooled anywhere on disk on the way.
 */
@QuarkusTest
class MultipartUploadTest {

    private static final String BOUNDARY = "synthetic-boundary-7d0f";

    @ConfigProperty(name = "tipline.evidence.directory")
    Path store;

    @ConfigProperty(name = "tipline.evidence.max-file-bytes")
    long maxFileBytes;

    private static String open(String platform) {
        return TestApi.as(platform).contentType("application/json").body(SyntheticReports.minimal())
                .post("/v1/reports").then().statusCode(201).extract().path("reportId");
    }

    /** A multipart body assembled byte for byte, so that malformed ones can be sent too. */
    private static byte[] multipart(String... partsThenFile) {
        StringBuilder text = new StringBuilder();
        for (String part : partsThenFile) {
            text.append("--").append(BOUNDARY).append("\r\n").append(part).append("\r\n");
        }
        return text.append("--").append(BOUNDARY).append("--\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String field(String name, String value) {
        return "Content-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value;
    }

    private static Response send(String platform, String reportId, byte[] body) {
        return TestApi.as(platform).contentType("multipart/form-data; boundary=" + BOUNDARY).body(body)
                .post("/v1/reports/" + reportId + "/files");
    }

    @Test
    void theFilePartIsHashedAndStoredEncryptedWithItsMediaType() throws Exception {
        // Given
        String platform = TestApi.newPlatform();
        String id = open(platform);
        byte[] noise = SyntheticMedia.noise(1_200_000, 21);
        Instant before = Instant.now();
        // When
        Response response = TestApi.as(platform).multiPart("file", "noise.png", noise, "image/png")
                .post("/v1/reports/" + id + "/files");
        // Then
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        assertThat(response.jsonPath().getLong("sizeBytes")).as("the file alone, not the framing")
                .isEqualTo(noise.length);
        assertThat(response.jsonPath().getString("sha256")).isEqualTo(sha256(noise));
        assertThat(response.jsonPath().getString("mediaType")).isEqualTo("image/png");
        byte[] slice = Arrays.copyOfRange(noise, 500_000, 500_032);
        assertThat(containsBytes(store.resolve(response.jsonPath().getString("fileId") + ".ev"), slice))
                .as("no plaintext at rest").isFalse();
        assertThat(Stream.of(Path.of(System.getProperty("java.io.tmpdir")), Path.of("").toAbsolutePath())
                .flatMap(root -> filesWrittenSince(before, root, noise.length).stream())
                .filter(file -> containsBytes(file, slice)))
                .as("no plaintext copy spooled to a temporary or upload file").isEmpty();
        assertThat(TestApi.as(platform).get("/v1/reports/" + id).jsonPath().getList("files.fileId"))
                .containsExactly(response.jsonPath().getString("fileId"));
    }

    @Test
    void aFilePartWithoutAFileNameIsTheFileToo() throws Exception {
        // Given
        String platform = TestApi.newPlatform();
        String id = open(platform);
        // When
        Response response = send(platform, id, multipart(field("file", "synthetic bytes")));
        // Then
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
        assertThat(response.jsonPath().getString("sha256"))
                .isEqualTo(sha256("synthetic bytes".getBytes(StandardCharsets.ISO_8859_1)));
        assertThat(response.jsonPath().getString("mediaType")).isEqualTo("application/octet-stream");
    }

    @Test
    void aPartBeforeTheFileIsRefusedAndNothingIsKept() throws Exception {
        assertRefusedAndNothingKept(multipart(field("caption", "x"), field("file", "synthetic bytes")), "/caption");
    }

    @Test
    void aPartAfterTheFileIsRefusedAndNothingIsKept() throws Exception {
        assertRefusedAndNothingKept(multipart(field("file", "synthetic bytes"), field("caption", "x")), "/caption");
    }

    @Test
    void aBodyWithoutAFilePartIsRefused() throws Exception {
        assertRefusedAndNothingKept(multipart(), "");
    }

    @Test
    void aTruncatedBodyIsRefused() throws Exception {
        byte[] whole = multipart(field("file", "synthetic bytes that never end"));
        assertRefusedAndNothingKept(Arrays.copyOf(whole, whole.length - 12), "");
    }

    @Test
    void aBodyWithoutItsBoundaryIsRefused() {
        // Given
        String platform = TestApi.newPlatform();
        String id = open(platform);
        // When
        Response response = TestApi.as(platform).contentType("multipart/form-data")
                .body(multipart(field("file", "x"))).post("/v1/reports/" + id + "/files");
        // Then
        assertProblem(response, 400);
    }

    @Test
    void aFilePartOverTheLimitIs413AndKeepsNothing() throws Exception {
        // Given
        String platform = TestApi.newPlatform();
        String id = open(platform);
        long objectsBefore = objects();
        // When
        Response response = TestApi.as(platform)
                .multiPart("file", "big.bin", SyntheticMedia.noise((int) maxFileBytes + 1, 22), "image/png")
                .post("/v1/reports/" + id + "/files");
        // Then
        assertProblem(response, 413);
        assertThat(objects()).isEqualTo(objectsBefore);
    }

    private void assertRefusedAndNothingKept(byte[] body, String pointer) throws IOException {
        // Given
        String platform = TestApi.newPlatform();
        String id = open(platform);
        long objectsBefore = objects();
        // When
        Response response = send(platform, id, body);
        // Then
        assertProblem(response, 400);
        assertThat(response.jsonPath().getList("violations.pointer")).containsExactly(pointer);
        assertThat(objects()).as("no evidence object kept").isEqualTo(objectsBefore);
        assertThat(TestApi.as(platform).get("/v1/reports/" + id).jsonPath().getList("files")).isEmpty();
    }

    private long objects() throws IOException {
        if (!Files.isDirectory(store)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(store)) {
            return files.count();
        }
    }

    /** Regular files of at least {@code minimumSize} bytes changed since {@code since}; vanishing ones skipped. */
    private static List<Path> filesWrittenSince(Instant since, Path root, long minimumSize) {
        List<Path> found = new ArrayList<>();
        try {
            Files.walkFileTree(root, Set.of(), 8, new SimpleFileVisitor<>() {

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile() && attributes.size() >= minimumSize
                            && attributes.lastModifiedTime().toInstant().isAfter(since)) {
                        found.add(file);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** Whether {@code file} holds {@code needle}; a file deleted meanwhile holds nothing. */
    private static boolean containsBytes(Path file, byte[] needle) {
        byte[] haystack;
        try {
            haystack = Files.readAllBytes(file);
        } catch (IOException e) {
            return false;
        }
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return true;
            }
        }
        return false;
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
