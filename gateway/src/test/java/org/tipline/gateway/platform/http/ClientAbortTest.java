package org.tipline.gateway.platform.http;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.tipline.gateway.support.LogCapture;
import org.tipline.gateway.support.SyntheticMedia;
import org.tipline.gateway.support.SyntheticReports;
import org.tipline.gateway.support.TestApi;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that hangs up in the middle of its body is not an internal error: it is logged quietly, counted as an
 * incomplete request, and leaves nothing behind.
 */
@QuarkusTest
class ClientAbortTest {

    @TestHTTPResource("/")
    URL base;

    @ConfigProperty(name = "tipline.evidence.directory")
    Path store;

    /** Sends the headers and part of a body of {@code declaredLength} bytes, then closes the connection. */
    private void hangUpDuring(String method, String path, String key, String contentType, byte[] part,
            long declaredLength) throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write((method + " " + path + " HTTP/1.1\r\nHost: " + base.getHost() + "\r\nAuthorization: Bearer "
                    + key + "\r\nIdempotency-Key: " + UUID.randomUUID() + "\r\nContent-Type: " + contentType
                    + "\r\nContent-Length: " + declaredLength + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(part);
            out.flush();
            Thread.sleep(200); // let the gateway start reading
        }
    }

    @Test
    void anUploadCutShortIsNotAnInternalErrorAndLeavesNothing() throws Exception {
        // Given
        String platform = TestApi.newPlatform();
        String reportId = TestApi.as(platform).contentType("application/json").body(SyntheticReports.minimal())
                .post("/v1/reports").then().statusCode(201).extract().path("reportId");
        long before = storeEntries();
        try (LogCapture logs = LogCapture.start("org.tipline")) {
            // When
            hangUpDuring("POST", "/v1/reports/" + reportId + "/files", platform, "application/octet-stream",
                    SyntheticMedia.noise(64 * 1024, 41), 4 * 1024 * 1024);
            hangUpDuring("POST", "/v1/reports", platform, "application/json",
                    SyntheticReports.minimal().substring(0, 40).getBytes(StandardCharsets.UTF_8), 4096);
            // Then
            Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(logs.lines())
                    .filteredOn(line -> line.contains("400 MALFORMED_REQUEST")).hasSize(2));
            List<String> lines = logs.lines();
            assertThat(lines).noneMatch(line -> line.startsWith("ERROR") || line.startsWith("SEVERE")
                    || line.startsWith("FATAL"));
        }
        assertThat(storeEntries()).as("no object and no partial upload left").isEqualTo(before);
        assertThat(TestApi.as(platform).get("/v1/reports/" + reportId).jsonPath().getList("files")).isEmpty();
        assertThat(org.tipline.gateway.support.Management.metrics())
                .contains("code=\"INCOMPLETE_BODY\"");
    }

    private long storeEntries() throws Exception {
        if (!Files.exists(store)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(store)) {
            return files.count();
        }
    }
}
