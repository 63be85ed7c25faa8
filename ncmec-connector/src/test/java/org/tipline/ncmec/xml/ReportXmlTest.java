package org.tipline.ncmec.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's report model rendered as CyberTipline XML: every document valid against NCMEC's schema, every field
 * NCMEC has at its element, and what it has not in the documented additionalInfo form.
 */
class ReportXmlTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final CyberTiplineSchema SCHEMA = CyberTiplineSchema.get();
    private static final UUID REPORT = UUID.fromString("01a210aa-0000-7000-8000-00000000000a");
    private static final UUID MESSAGE = UUID.fromString("01a210aa-0000-7000-8000-00000000000b");

    private final ReportXml reports = new ReportXml(SCHEMA);
    private final FileDetailsXml files = new FileDetailsXml(SCHEMA);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"everything.json", "batched.json", "minimal.json"})
    void everyReportIsValidAgainstTheSchema(String name) throws IOException {
        // When
        byte[] xml = reports.render(report(fixture(name), "P3_STANDARD"));
        // Then
        assertThat(SCHEMA.problem(xml)).as(new String(xml, StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void everyFieldNcmecHasGoesToItsElement() throws Exception {
        // When
        Document xml = parse(reports.render(report(fixture("everything.json"), "P1_IMMINENT")));
        // Then
        assertThat(text(xml, "/report/incidentSummary/incidentType"))
                .isEqualTo("Online Enticement of Children for Sexual Acts");
        assertThat(text(xml, "/report/incidentSummary/escalateToHighPriority"))
                .isEqualTo("Synthetic test: a child is in immediate danger");
        assertThat(count(xml, "/report/incidentSummary/reportAnnotations/*")).isEqualTo(5);
        assertThat(text(xml, "/report/incidentSummary/incidentDateTime")).isEqualTo("2026-03-04T05:06:07.123+01:00");
        assertThat(count(xml, "/report/internetDetails")).isEqualTo(9);
        assertThat(text(xml, "/report/internetDetails/cellPhoneIncident/phoneNumber/@countryCallingCode"))
                .isEqualTo("+1");
        assertThat(text(xml, "/report/lawEnforcement/servedLegalProcessInternational/@fleaCountry")).isEqualTo("GB");
        assertThat(text(xml, "/report/reporter/legalURL")).isEqualTo("https://platform.example/legal");
        assertThat(text(xml, "/report/reporter/reportingPerson/address/state")).isEqualTo("IL");
        assertThat(text(xml, "/report/personOrUserReported/personOrUserReportedPerson/address/nonUsaState"))
                .isEqualTo("ON");
        assertThat(texts(xml, "/report/personOrUserReported/priorCTReports")).containsExactly("111", "123456");
        assertThat(text(xml, "/report/personOrUserReported/ipCaptureEvent[1]/eventName")).isEqualTo("Login");
        assertThat(text(xml, "/report/personOrUserReported/accountTemporarilyDisabled/@reenabledDate"))
                .isEqualTo("2026-03-05T08:00:00Z");
        assertThat(text(xml, "/report/personOrUserReported/associatedAccount/@type")).isEqualTo("Parent/Guardian");
        assertThat(text(xml, "/report/victim/schoolName")).isEqualTo("Example Middle School");
        assertThat(text(xml, "/report/victim/additionalInfo")).contains("Group identifier: group-3");
        assertThat(texts(xml, "/report/intendedRecipient/additionalInfo")).hasSize(2)
                .anySatisfy(note -> assertThat(note).startsWith("Associated account (LINKED)"));
    }

    @Test
    void whatNcmecHasNoElementForGoesIntoAdditionalInfo() throws Exception {
        // When
        Document xml = parse(reports.render(report(fixture("everything.json"), "P1_IMMINENT")));
        // Then
        String info = text(xml, "/report/additionalInfo");
        assertThat(info).startsWith("Entirely synthetic test data").contains("\n\nFiled through Tipline Gateway\n")
                .contains("Gateway report: " + REPORT).contains("Platform: example-platform")
                .contains("Detection: CLASSIFIER, detected 2026-03-04T06:00:00Z")
                .contains("Jurisdictions: US, GB").contains("Previous reports: ncmec 123456; nca NCA-REF-1")
                .contains("Declaration: Alex Example <alex.example@platform.example>, accepted");
        assertThat(text(xml, "/report/internetDetails[9]/webPageIncident/additionalInfo"))
                .startsWith("Generative model used to produce abuse imagery").contains("Model name: example-model")
                .contains("Trained on real victims: true").contains("File hashes: SHA256 aaaa");
    }

    @Test
    void aP2ReportsReasonIsTextNotAnEscalation() throws Exception {
        ObjectNode report = (ObjectNode) fixture("everything.json");
        report.put("priority", "P2_SERIOUS");
        Document xml = parse(reports.render(report(report, "P2_SERIOUS")));
        assertThat(count(xml, "/report/incidentSummary/escalateToHighPriority")).isZero();
        assertThat(text(xml, "/report/additionalInfo")).contains("Escalation reason: Synthetic test");
    }

    @Test
    void aBatchedReportCarriesOnlyWhatNcmecAllowsInOne() throws Exception {
        Document xml = parse(reports.render(report(fixture("batched.json"), "P3_STANDARD")));
        assertThat(text(xml, "/report/batchedReport/@reason")).isEqualTo("VIRAL_POTENTIAL_MEME");
        assertThat(count(xml, "/report/personOrUserReported")).isEqualTo(3);
        assertThat(count(xml, "/report/personOrUserReported/*[name() != 'espIdentifier']")).isZero();
        assertThat(count(xml, "/report/additionalInfo")).isZero();
    }

    @Test
    void aSupplementIsANewReportNamingTheOriginal() throws Exception {
        // Given
        JsonNode supplement = JSON.readTree("""
                {"additionalInfo": "synthetic new information",
                 "internetDetails": [{"kind": "WEB_PAGE", "urls": ["https://content.example/item/9"]}]}""");
        JsonNode original = ReportXml.followUpBasis(fixture("everything.json"));
        // When
        byte[] rendered = reports.render(new ReportXml.Input("SUPPLEMENT", supplement, "P2_SERIOUS", REPORT,
                "example-platform", MESSAGE, original, 98765L));
        // Then
        assertThat(SCHEMA.problem(rendered)).isEmpty();
        Document xml = parse(rendered);
        assertThat(text(xml, "/report/personOrUserReported/priorCTReports")).isEqualTo("98765");
        assertThat(text(xml, "/report/incidentSummary/incidentType")).startsWith("Online Enticement");
        assertThat(text(xml, "/report/additionalInfo")).startsWith("Supplement to CyberTipline report 98765")
                .contains("synthetic new information");
    }

    @Test
    void anEscalationToP1IsANewHighPriorityReportNamingTheOriginal() throws Exception {
        JsonNode escalation = JSON.readTree("{\"priority\": \"P1_IMMINENT\", \"reason\": \"synthetic: new threat\"}");
        byte[] rendered = reports.render(new ReportXml.Input("ESCALATION", escalation, "P1_IMMINENT", REPORT,
                "example-platform", MESSAGE, ReportXml.followUpBasis(fixture("minimal.json")), 555L));
        assertThat(SCHEMA.problem(rendered)).isEmpty();
        Document xml = parse(rendered);
        assertThat(text(xml, "/report/incidentSummary/escalateToHighPriority")).isEqualTo("synthetic: new threat");
        assertThat(text(xml, "/report/personOrUserReported/priorCTReports")).isEqualTo("555");
    }

    @Test
    void fileDetailsAreValidAndCarryTheGenerativeAiAnnotation() throws Exception {
        // When
        byte[] rendered = files.render(42L, "0123456789abcdef0123456789abcdef", fixture("file-details.json"));
        // Then
        assertThat(SCHEMA.problem(rendered)).as(new String(rendered, StandardCharsets.UTF_8)).isEmpty();
        Document xml = parse(rendered);
        assertThat(text(xml, "/fileDetails/fileRelevance")).isEqualTo("Reported");
        assertThat(count(xml, "/fileDetails/fileAnnotations/generativeAi")).isEqualTo(1);
        assertThat(count(xml, "/fileDetails/fileAnnotations/infant")).isEqualTo(1);
        assertThat(text(xml, "/fileDetails/industryClassification")).isEqualTo("A1");
        assertThat(text(xml, "/fileDetails/originalFileHash[2]/@hashType")).isEqualTo("PDQ");
        assertThat(text(xml, "/fileDetails/details/@type")).isEqualTo("EXIF");
        assertThat(texts(xml, "/fileDetails/additionalInfo")).contains("synthetic note one", "UK category: B")
                .anySatisfy(note -> assertThat(note).startsWith("AI-generated or AI-altered imagery")
                        .contains("Method: NUDIFICATION").contains("Prompt: synthetic prompt text"));
    }

    @Test
    void aFileWithoutDetailsIsAReportedFile() {
        byte[] rendered = files.render(42L, "0123456789abcdef0123456789abcdef", null);
        assertThat(SCHEMA.problem(rendered)).isEmpty();
        assertThat(new String(rendered, StandardCharsets.UTF_8)).contains("<fileRelevance>Reported</fileRelevance>");
    }

    @Test
    void theSchemaCheckNamesAnElementOutOfOrder() {
        byte[] swapped = ("<report><reporter><reportingPerson/></reporter><incidentSummary><incidentType>Child Sex"
                + " Tourism</incidentType><incidentDateTime>2026-01-01T00:00:00Z</incidentDateTime></incidentSummary>"
                + "</report>").getBytes(StandardCharsets.UTF_8);
        assertThat(SCHEMA.problem(swapped)).hasValueSatisfying(problem -> assertThat(problem)
                .contains("cvc-complex-type.2.4.a").contains("reporter"));
    }

    private static ReportXml.Input report(JsonNode document, String priority) {
        return new ReportXml.Input("REPORT", document, priority, REPORT, "example-platform", MESSAGE, null, null);
    }

    static JsonNode fixture(String name) throws IOException {
        try (InputStream in = ReportXmlTest.class.getResourceAsStream("/synthetic/" + name)) {
            return JSON.readTree(in);
        }
    }

    private static Document parse(byte[] xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static String text(Document xml, String path) throws Exception {
        return XPathFactory.newInstance().newXPath().evaluate(path, xml);
    }

    private static List<String> texts(Document xml, String path) throws Exception {
        NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(path, xml, XPathConstants.NODESET);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    private static int count(Document xml, String path) throws Exception {
        return ((NodeList) XPathFactory.newInstance().newXPath().evaluate(path, xml, XPathConstants.NODESET))
                .getLength();
    }
}
