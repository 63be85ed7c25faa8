package org.tipline.ncmec;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tipline.ncmec.fake.FakeCyberTipline;
import org.tipline.ncmec.fake.FakeCyberTipline.Fault;
import org.tipline.ncmec.support.Connectors;
import org.tipline.ncmec.support.Testbed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reports filed through the real gateway reach a faithful fake CyberTipline through the connector, end to end, under
 * faults: every test ends with exactly one finished CyberTipline report per gateway report (or none, for a refusal)
 * and the gateway's ncmec delivery ACKNOWLEDGED with that report's id (or REJECTED with NCMEC's code).
 */
class FilingEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER = "tipline-test-esp";
    private static final String PASSWORD = "synthetic-password";
    private static FakeCyberTipline ncmec;
    private static Testbed bed;
    private static String platform;

    @BeforeAll
    static void start() throws Exception {
        bed = Testbed.get();
        ncmec = FakeCyberTipline.start(0, USER, PASSWORD);
        platform = bed.newUsPlatform();
    }

    @AfterAll
    static void stop() {
        ncmec.close();
    }

    @AfterEach
    void nothingIsLeftHalfFiled() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(bed.unfinishedFilings())
                .as(bed.unfinishedDescription()).isZero());
    }

    @Test
    void aReportWithEvidenceBecomesOneFinishedValidCyberTiplineReport() throws Exception {
        try (Connector connector = Connectors.inProcess(settings())) {
            // Given
            String reportId = open(fixture("everything.json", "P2_SERIOUS"));
            JsonNode first = bed.upload(platform, reportId, random(150_000), "image/png");
            JsonNode second = bed.upload(platform, reportId, random(1_000), "video/mp4");
            bed.call("PUT", "/v1/reports/" + reportId + "/files/" + first.path("fileId").asText() + "/details",
                    platform, fixtureText("file-details.json"), 200);
            // When
            bed.call("POST", "/v1/reports/" + reportId + "/finish", platform, null, 202);
            // Then
            FakeCyberTipline.Report filed = awaitFiled(reportId);
            assertThat(filed.xmlText()).contains("<incidentType>Online Enticement of Children for Sexual Acts")
                    .doesNotContain("<escalateToHighPriority>");
            assertThat(filed.files).hasSize(2).allSatisfy(file -> assertThat(file.details).isNotNull());
            assertThat(filed.files.stream().map(f -> f.md5).toList()).containsExactlyInAnyOrder(
                    first.path("md5").asText(), second.path("md5").asText());
            assertThat(filed.files.stream().map(f -> new String(f.details, StandardCharsets.UTF_8)).toList())
                    .anySatisfy(details -> assertThat(details).contains("<generativeAi>true</generativeAi>"));
            assertThat(ncmec.calls("submit")).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void aP1ReportIsFiledAsAnEscalationToHighPriority() throws Exception {
        try (Connector connector = Connectors.inProcess(settings())) {
            String reportId = open(fixture("everything.json", "P1_IMMINENT"));
            bed.call("POST", "/v1/reports/" + reportId + "/finish", platform, null, 202);
            assertThat(awaitFiled(reportId).xmlText()).contains(
                    "<escalateToHighPriority>Synthetic test: a child is in immediate danger</escalateToHighPriority>");
        }
    }

    @Test
    void serverErrorsOnSubmitAndUploadAreRetried() throws Exception {
        // Given
        ncmec.inject("submit", Fault.answer(500, 1000, "Server error"));
        ncmec.inject("upload", Fault.answer(500, 1110, "Upload failed"));
        long submits = ncmec.calls("submit");
        try (Connector connector = Connectors.inProcess(settings())) {
            // When
            String reportId = submittedWithOneFile();
            // Then
            awaitFiled(reportId);
            assertThat(ncmec.calls("submit") - submits).as("the refused submit, then the one that worked")
                    .isEqualTo(2);
        }
    }

    @Test
    void aFinishWhoseAnswerWasLostIsReconciledNotFiledAgain() throws Exception {
        // Given: NCMEC finishes the report, and the answer never arrives
        ncmec.inject("finish", Fault.dropAnswer());
        long submits = ncmec.calls("submit");
        try (Connector connector = Connectors.inProcess(settings())) {
            // When
            String reportId = submittedWithOneFile();
            // Then: finish is sent again, answered 5102, and the report counts as finished
            awaitFiled(reportId);
            assertThat(ncmec.calls("submit") - submits).isEqualTo(1);
        }
    }

    @Test
    void anUploadWhoseAnswerWasLostIsRetractedAndFiledAgain() throws Exception {
        ncmec.inject("upload", Fault.dropAnswer());
        try (Connector connector = Connectors.inProcess(settings())) {
            String reportId = submittedWithOneFile();
            awaitFiled(reportId);
            assertThat(reportsOf(reportId).stream().map(FakeCyberTipline.Report::state))
                    .containsExactlyInAnyOrder("RETRACTED", "FINISHED");
        }
    }

    @Test
    void aPayloadNcmecRefusesIsAcknowledgedAsRejectedAndRetracted() throws Exception {
        // Given: NCMEC refuses the file details (as it does for an element order it does not accept)
        ncmec.inject("fileinfo", Fault.answer(400, 4100, "[1,42] - cvc-complex-type.2.4.a: synthetic refusal"));
        try (Connector connector = Connectors.inProcess(settings())) {
            // When
            String reportId = submittedWithOneFile();
            // Then
            JsonNode delivery = awaitDelivery(reportId, "REJECTED");
            assertThat(delivery.path("reason").asText()).contains("code 4100").contains("synthetic refusal");
            assertThat(reportsOf(reportId)).singleElement().satisfies(r -> assertThat(r.state())
                    .isEqualTo("RETRACTED"));
        }
    }

    @Test
    void anUnfinishedReportNcmecDeletedIsFiledAgain() throws Exception {
        // Given: the connector is held before its upload while NCMEC's clock passes the deletion of unfinished reports
        CountDownLatch release = new CountDownLatch(1);
        Fault hold = Fault.hold(release);
        ncmec.inject("upload", hold);
        try (Connector connector = Connectors.inProcess(settings())) {
            String reportId = submittedWithOneFile();
            assertThat(hold.reached().await(60, TimeUnit.SECONDS)).isTrue();
            // When
            ncmec.advanceClock(Duration.ofHours(25));
            release.countDown();
            // Then: 5001, and a new report is filed
            awaitFiled(reportId);
            assertThat(reportsOf(reportId)).hasSize(2);
        }
    }

    @Test
    void aConnectorKilledDuringAnUploadResumesWithoutFilingTwice() throws Exception {
        // Given: a connector process held inside its upload
        CountDownLatch release = new CountDownLatch(1);
        Fault hold = Fault.hold(release);
        ncmec.inject("upload", hold);
        String reportId;
        Connectors.Child first = Connectors.child(settings(), bed.directory().resolve("connector-1.log"));
        try {
            reportId = submittedWithOneFile();
            assertThat(hold.reached().await(60, TimeUnit.SECONDS)).isTrue();
            // When: it is killed there, and NCMEC then carries the interrupted upload out
            first.kill();
        } finally {
            first.kill();
            release.countDown();
        }
        // Then: a new connector retracts the report whose content is uncertain, and files it once
        try (Connectors.Child second = Connectors.child(settings(), bed.directory().resolve("connector-2.log"))) {
            awaitFiled(reportId);
        }
    }

    @Test
    void aConnectorKilledBetweenFinishAndAcknowledgementAcknowledgesOnRestart() throws Exception {
        // Given: the finish is carried out while the connector is held, then killed before it hears the answer
        CountDownLatch release = new CountDownLatch(1);
        Fault hold = Fault.hold(release);
        ncmec.inject("finish", hold);
        String reportId;
        Connectors.Child first = Connectors.child(settings(), bed.directory().resolve("connector-3.log"));
        try {
            reportId = submittedWithOneFile();
            assertThat(hold.reached().await(60, TimeUnit.SECONDS)).isTrue();
            first.kill();
        } finally {
            first.kill();
            release.countDown();
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> reportsOf(reportId).stream()
                .anyMatch(r -> r.state().equals("FINISHED")));
        // When
        try (Connectors.Child second = Connectors.child(settings(), bed.directory().resolve("connector-4.log"))) {
            // Then: finish again (5102), acknowledged, still one report
            awaitFiled(reportId);
        }
    }

    @Test
    void aSupplementIsFiledAsANewReportNamingTheOriginal() throws Exception {
        try (Connector connector = Connectors.inProcess(settings())) {
            // Given
            String reportId = submittedWithOneFile();
            long original = awaitFiled(reportId).id;
            JsonNode file = bed.upload(platform, reportId, random(2_000), "image/jpeg");
            // When
            bed.call("POST", "/v1/reports/" + reportId + "/supplements", platform, JSON.createObjectNode()
                    .put("additionalInfo", "Synthetic supplement").set("fileIds", JSON.createArrayNode()
                            .add(file.path("fileId").asText()))
                    .toString(), 201);
            // Then
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> reportsOf(reportId).stream()
                    .filter(r -> r.state().equals("FINISHED")).count() == 2);
            FakeCyberTipline.Report supplement = reportsOf(reportId).stream().filter(r -> r.id != original)
                    .findFirst().orElseThrow();
            assertThat(supplement.xmlText()).contains("<priorCTReports>" + original + "</priorCTReports>")
                    .contains("Supplement to CyberTipline report " + original);
            assertThat(supplement.files).singleElement().satisfies(f -> assertThat(f.md5)
                    .isEqualTo(file.path("md5").asText()));
            assertThat(externalReference(reportId)).as("the report's acknowledgement stays the original's")
                    .isEqualTo(String.valueOf(original));
        }
    }

    @Test
    void aForgedEnvelopeIsNeverFiledNorAcknowledged() throws Exception {
        try (Connector connector = Connectors.inProcess(settings())) {
            // Given: a copy of an envelope's shape with a made-up signature, written straight to the topic
            String forgedReport = UUID.randomUUID().toString();
            ObjectNode forged = JSON.createObjectNode().put("schemaVersion", 1)
                    .put("messageId", UUID.randomUUID().toString()).put("kind", "REPORT").put("reportId", forgedReport)
                    .put("destination", "ncmec").put("priority", "P1_IMMINENT").put("platformId", "forger")
                    .put("signature", "eyJhbGciOiJFZERTQSIsImtpZCI6ImZvcmdlZCJ9..AAAA");
            forged.set("report", fixture("minimal.json", null));
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bed.kafka(), ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                    StringSerializer.class, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
                producer.send(new ProducerRecord<>("tipline.intake.ncmec.urgent", forgedReport, forged.toString()))
                        .get();
            }
            // When: a genuine report comes after it
            String reportId = submittedWithOneFile();
            awaitFiled(reportId);
            // Then
            assertThat(ncmec.reports().values()).noneSatisfy(r -> assertThat(r.xmlText()).contains(forgedReport));
            assertThat(bed.filingsOf(forgedReport)).isZero();
            assertThat(metrics(connector)).contains("tipline_ncmec_envelopes_total{outcome=\"forged\"}");
        }
    }

    @Test
    void refusedCredentialsPauseFilingAndTurnReadinessDown() throws Exception {
        // Given: a connector with a wrong password
        String reportId;
        try (Connector wrong = Connectors.inProcess(Connectors.settings(ncmec.url(), USER, "not-the-password"))) {
            reportId = submittedWithOneFile();
            // Then: nothing filed, nothing rejected; readiness says why
            Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                    wrong.health().states().get("ncmec-credentials")).startsWith("DOWN: NCMEC refused"));
            assertThat(readiness(wrong)).isEqualTo(503);
            assertThat(delivery(reportId).path("state").asText()).isEqualTo("FORWARDED");
        }
        // When: the operator fixes the credentials
        try (Connector right = Connectors.inProcess(settings())) {
            // Then
            awaitFiled(reportId);
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(readiness(right))
                    .as(right.health().states().toString()).isEqualTo(200));
        }
    }

    @Test
    void neitherReportContentNorNcmecsDescriptionsReachTheLogs() throws Exception {
        // Given: content with a marker, and a refusal whose description quotes it, as a schema error can
        String marker = "SYNTHETIC-SECRET-MARKER-" + UUID.randomUUID();
        ObjectNode report = (ObjectNode) fixture("everything.json", "P2_SERIOUS");
        report.put("additionalInfo", marker);
        ((ObjectNode) report.path("reporter").path("reportingPerson")).put("lastName", marker);
        ncmec.inject("submit", Fault.answer(400, 4100, "[3,9] - cvc-datatype-valid: '" + marker + "' is not valid"));
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        java.io.PrintStream stderr = System.err;
        System.setErr(new java.io.PrintStream(new java.io.OutputStream() {

            @Override
            public void write(int b) {
                stderr.write(b);
                captured.write(b);
            }
        }, true, StandardCharsets.UTF_8));
        try (Connector connector = Connectors.inProcess(settings())) {
            // When
            String reportId = open(report);
            bed.call("POST", "/v1/reports/" + reportId + "/finish", platform, null, 202);
            // Then: the refusal carries the description to the gateway, and no log line carries either
            assertThat(awaitDelivery(reportId, "REJECTED").path("reason").asText()).contains(marker);
        } finally {
            System.setErr(stderr);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("acknowledged as REJECTED")
                .doesNotContain(marker);
    }

    // --- helpers

    private static Map<String, String> settings() {
        return Connectors.settings(ncmec.url(), USER, PASSWORD);
    }

    private static String submittedWithOneFile() throws IOException {
        String reportId = open(fixture("minimal.json", null));
        bed.upload(platform, reportId, random(10_000), "image/png");
        bed.call("POST", "/v1/reports/" + reportId + "/finish", platform, null, 202);
        return reportId;
    }

    private static String open(JsonNode report) throws IOException {
        return bed.call("POST", "/v1/reports", platform, report.toString(), 201).path("reportId").asText();
    }

    /** Waits for the ncmec delivery to be ACKNOWLEDGED; exactly one finished CyberTipline report names the id. */
    private static FakeCyberTipline.Report awaitFiled(String reportId) throws IOException {
        JsonNode delivery = awaitDelivery(reportId, "ACKNOWLEDGED");
        List<FakeCyberTipline.Report> finished = reportsOf(reportId).stream()
                .filter(r -> r.state().equals("FINISHED")).toList();
        assertThat(finished).as("finished CyberTipline reports of gateway report " + reportId).hasSize(1);
        assertThat(delivery.path("externalReference").asText()).isEqualTo(String.valueOf(finished.get(0).id));
        return finished.get(0);
    }

    private static JsonNode awaitDelivery(String reportId, String state) throws IOException {
        Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> delivery(reportId).path("state").asText().equals(state));
        return delivery(reportId);
    }

    private static JsonNode delivery(String reportId) throws IOException {
        for (JsonNode delivery : bed.call("GET", "/v1/reports/" + reportId, platform, null, 200)
                .path("destinations")) {
            if (delivery.path("destination").asText().equals("ncmec")) {
                return delivery;
            }
        }
        throw new AssertionError("report " + reportId + " was not routed to ncmec");
    }

    private static String externalReference(String reportId) throws IOException {
        return delivery(reportId).path("externalReference").asText();
    }

    /** Every CyberTipline report, in any state, that names gateway report {@code reportId}. */
    private static List<FakeCyberTipline.Report> reportsOf(String reportId) {
        return ncmec.reports().values().stream().filter(r -> r.xmlText().contains("Gateway report: " + reportId))
                .toList();
    }

    private static JsonNode fixture(String name, String priority) throws IOException {
        ObjectNode report = (ObjectNode) JSON.readTree(fixtureText(name));
        if (priority != null) {
            report.put("priority", priority);
        }
        return report;
    }

    private static String fixtureText(String name) throws IOException {
        try (var in = FilingEndToEndTest.class.getResourceAsStream("/synthetic/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    private static String metrics(Connector connector) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + connector.opsPort() + "/q/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static int readiness(Connector connector) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + connector.opsPort() + "/q/health/ready")).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
