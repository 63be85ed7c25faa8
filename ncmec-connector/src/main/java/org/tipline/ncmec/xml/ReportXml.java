package org.tipline.ncmec.xml;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import static org.tipline.ncmec.xml.Json.items;
import static org.tipline.ncmec.xml.Json.text;
import static org.tipline.ncmec.xml.Json.texts;

/**
 * Renders what an envelope carries as one CyberTipline {@code <report>} (docs/ncmec-mapping.md): a REPORT as itself; a
 * SUPPLEMENT or an ESCALATION as a new report that repeats the original's incident and reporter and names the
 * original's CyberTipline id in {@code priorCTReports}, as NCMEC asks follow-ups to be filed. Elements follow the
 * schema's sequences; the caller checks the result against the schema before filing it.
 */
public final class ReportXml {

    /**
     * What to render.
     *
     * @param kind {@code REPORT}, {@code SUPPLEMENT} or {@code ESCALATION}
     * @param document the envelope's {@code report}: the report, the supplement or {@code {priority, reason}}
     * @param priority the envelope's priority (for an escalation, the new one)
     * @param original for a follow-up, the original report's {@code {incident, reporter}}; otherwise null
     * @param originalReportId for a follow-up, the original's CyberTipline id; otherwise null
     */
    public record Input(String kind, JsonNode document, String priority, UUID gatewayReportId, String platformId,
            UUID messageId, JsonNode original, Long originalReportId) {

        public Input {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(document, "document");
            Objects.requireNonNull(priority, "priority");
            if (!kind.equals("REPORT") && (original == null || originalReportId == null)) {
                throw new IllegalArgumentException("a " + kind + " needs the original report and its CyberTipline id");
            }
        }
    }

    private static final String P1 = "P1_IMMINENT";

    private final PartyXml parties;

    public ReportXml(CyberTiplineSchema schema) {
        this.parties = new PartyXml(schema);
    }

    /** The {@code <report>} document, UTF-8. */
    public byte[] render(Input input) {
        return switch (input.kind()) {
            case "REPORT" -> report(input);
            case "SUPPLEMENT" -> supplement(input);
            case "ESCALATION" -> escalation(input);
            default -> throw new IllegalArgumentException("No CyberTipline rendering for kind " + input.kind());
        };
    }

    /** The report-level facts a follow-up must repeat: the original's incident and reporter. */
    public static JsonNode followUpBasis(JsonNode report) {
        ObjectNode basis = JsonNodeFactory.instance.objectNode();
        basis.set("incident", report.path("incident"));
        basis.set("reporter", report.path("reporter"));
        return basis;
    }

    private byte[] report(Input input) {
        JsonNode report = input.document();
        boolean batched = report.path("batch").isObject();
        XmlDocument xml = XmlDocument.of("report");
        if (batched) {
            xml.start("batchedReport").attribute("reason", text(report.path("batch"), "reason")).end();
        }
        incidentSummary(xml, report.path("incident"), !batched && P1.equals(input.priority())
                ? text(report, "escalationReason")
                : null);
        items(report, "internetDetails").forEach(context -> internetDetail(xml, context));
        lawEnforcement(xml, report.path("lawEnforcement"));
        reporter(xml, report.path("reporter"));
        List<Long> prior = batched ? List.of() : priorCyberTiplineReports(report);
        reportedPersons(xml, items(report, "reportedPersons"), prior);
        items(report, "intendedRecipients").forEach(p -> parties.party(xml, PartyXml.Kind.RECIPIENT, p, List.of()));
        items(report, "victims").forEach(p -> parties.party(xml, PartyXml.Kind.VICTIM, p, List.of()));
        if (!batched) {
            xml.element("additionalInfo", join(text(report, "additionalInfo"), appendix(input, report)));
        }
        return xml.bytes();
    }

    private byte[] supplement(Input input) {
        JsonNode supplement = input.document();
        XmlDocument xml = XmlDocument.of("report");
        incidentSummary(xml, input.original().path("incident"), null);
        items(supplement, "internetDetails").forEach(context -> internetDetail(xml, context));
        reporter(xml, input.original().path("reporter"));
        reportedPersons(xml, items(supplement, "reportedPersons"), List.of(input.originalReportId()));
        items(supplement, "intendedRecipients").forEach(p -> parties.party(xml, PartyXml.Kind.RECIPIENT, p,
                List.of()));
        items(supplement, "victims").forEach(p -> parties.party(xml, PartyXml.Kind.VICTIM, p, List.of()));
        Notes.Lines heading = new Notes.Lines("Supplement to CyberTipline report " + input.originalReportId());
        xml.element("additionalInfo", join(heading.toString(), text(supplement, "additionalInfo"),
                appendix(input, null)));
        return xml.bytes();
    }

    private byte[] escalation(Input input) {
        JsonNode escalation = input.document();
        String reason = text(escalation, "reason");
        XmlDocument xml = XmlDocument.of("report");
        incidentSummary(xml, input.original().path("incident"), P1.equals(input.priority()) ? reason : null);
        reporter(xml, input.original().path("reporter"));
        reportedPersons(xml, List.of(), List.of(input.originalReportId()));
        Notes.Lines heading = new Notes.Lines("Escalation of CyberTipline report " + input.originalReportId()
                + " to priority " + input.priority()).add("Reason", reason);
        xml.element("additionalInfo", join(heading.toString(), appendix(input, null)));
        return xml.bytes();
    }

    private static void incidentSummary(XmlDocument xml, JsonNode incident, String escalateToHighPriority) {
        xml.start("incidentSummary");
        xml.element("incidentType", NcmecCodes.of(NcmecCodes.INCIDENT_TYPES, text(incident, "type")));
        xml.element("platform", incident.path("platform"));
        xml.element("escalateToHighPriority", escalateToHighPriority);
        List<String> annotations = texts(incident, "annotations");
        if (!annotations.isEmpty()) {
            xml.start("reportAnnotations");
            annotations.forEach(code -> xml.flag(NcmecCodes.of(NcmecCodes.REPORT_ANNOTATIONS, code)));
            xml.end();
        }
        xml.element("incidentDateTime", incident.path("occurredAt"));
        xml.element("incidentDateTimeDescription", incident.path("occurredAtDescription"));
        xml.end();
    }

    private void internetDetail(XmlDocument xml, JsonNode context) {
        xml.start("internetDetails");
        switch (String.valueOf(text(context, "kind"))) {
            case "WEB_PAGE" -> {
                xml.start("webPageIncident").attribute("thirdPartyHostedContent",
                        text(context, "thirdPartyHostedContent"));
                texts(context, "urls").forEach(url -> xml.element("url", url));
                xml.element("additionalInfo", context.path("additionalInfo")).end();
            }
            case "EMAIL" -> {
                xml.start("emailIncident");
                items(context, "emailAddresses").forEach(email -> parties.email(xml, "emailAddress", email));
                xml.element("content", context.path("content")).element("additionalInfo",
                        context.path("additionalInfo")).end();
            }
            case "NEWSGROUP" -> {
                xml.start("newsgroupIncident").element("name", context.path("name"));
                items(context, "emailAddresses").forEach(email -> parties.email(xml, "emailAddress", email));
                xml.element("content", context.path("content")).element("additionalInfo",
                        context.path("additionalInfo")).end();
            }
            case "CHAT_IM" -> xml.start("chatImIncident").element("chatClient", context.path("chatClient"))
                    .element("chatRoomName", context.path("chatRoomName")).element("content", context.path("content"))
                    .element("additionalInfo", context.path("additionalInfo")).end();
            case "ONLINE_GAMING" -> xml.start("onlineGamingIncident").element("gameName", context.path("gameName"))
                    .element("console", context.path("console")).element("content", context.path("content"))
                    .element("additionalInfo", context.path("additionalInfo")).end();
            case "CELL_PHONE" -> {
                xml.start("cellPhoneIncident");
                if (context.path("phoneNumber").isObject()) {
                    parties.phone(xml, "phoneNumber", context.path("phoneNumber"));
                }
                xml.element("latitude", context.path("latitude")).element("longitude", context.path("longitude"))
                        .element("additionalInfo", context.path("additionalInfo")).end();
            }
            case "NON_INTERNET" -> {
                xml.start("nonInternetIncident").element("locationName", context.path("locationName"));
                items(context, "addresses").forEach(address -> parties.address(xml, "incidentAddress", address));
                xml.element("additionalInfo", context.path("additionalInfo")).end();
            }
            case "PEER_TO_PEER" -> {
                xml.start("peer2peerIncident").element("client", context.path("client"));
                items(context, "ipCaptureEvents").forEach(event -> parties.ipCaptureEvent(xml, "ipCaptureEvent",
                        event));
                xml.element("fileNames", context.path("fileNames")).element("additionalInfo",
                        context.path("additionalInfo")).end();
            }
            case "GENERATIVE_MODEL" -> {
                xml.start("webPageIncident");
                texts(context, "urls").forEach(url -> xml.element("url", url));
                xml.element("additionalInfo", Notes.generativeModel(context)).end();
            }
            default -> throw new IllegalArgumentException("Unknown internet detail kind " + text(context, "kind"));
        }
        xml.end();
    }

    private void lawEnforcement(XmlDocument xml, JsonNode agency) {
        if (!agency.isObject()) {
            return;
        }
        xml.start("lawEnforcement");
        xml.element("agencyName", agency.path("agencyName"));
        xml.element("caseNumber", agency.path("caseNumber"));
        if (agency.path("officerContact").isObject()) {
            parties.person(xml, "officerContact", agency.path("officerContact"), false);
        }
        xml.element("reportedToLe", agency.path("reportedToLe"));
        xml.element("servedLegalProcessDomestic", agency.path("servedLegalProcessDomestic"));
        if (text(agency, "servedLegalProcessInternational") != null) {
            xml.start("servedLegalProcessInternational").attribute("fleaCountry", text(agency, "fleaCountry"))
                    .text(text(agency, "servedLegalProcessInternational")).end();
        }
        xml.end();
    }

    private void reporter(XmlDocument xml, JsonNode reporter) {
        xml.start("reporter");
        parties.person(xml, "reportingPerson", reporter.path("reportingPerson"), true);
        if (reporter.path("contactPerson").isObject()) {
            parties.person(xml, "contactPerson", reporter.path("contactPerson"), false);
        }
        xml.element("companyTemplate", reporter.path("companyTemplate"));
        xml.element("termsOfService", reporter.path("termsOfService"));
        xml.element("legalURL", reporter.path("legalUrl"));
        xml.end();
    }

    /** The reported persons, each naming {@code prior}; a bare one naming {@code prior} when there are none. */
    private void reportedPersons(XmlDocument xml, List<JsonNode> persons, List<Long> prior) {
        if (persons.isEmpty() && !prior.isEmpty()) {
            xml.start("personOrUserReported");
            prior.forEach(id -> xml.element("priorCTReports", String.valueOf(id)));
            xml.end();
            return;
        }
        persons.forEach(person -> parties.party(xml, PartyXml.Kind.REPORTED, person, prior));
    }

    /** Earlier CyberTipline reports the platform named in {@code previousReports} (destination ncmec, numeric id). */
    private static List<Long> priorCyberTiplineReports(JsonNode report) {
        List<Long> ids = new ArrayList<>();
        for (JsonNode previous : items(report, "previousReports")) {
            String id = text(previous, "externalId");
            if ("ncmec".equals(text(previous, "destination")) && id != null && id.matches("[0-9]{1,18}")) {
                ids.add(Long.parseLong(id));
            }
        }
        return ids;
    }

    /** The gateway's facts NCMEC has no element for, after a blank line (docs/ncmec-mapping.md). */
    private static String appendix(Input input, JsonNode report) {
        Notes.Lines lines = new Notes.Lines("Filed through Tipline Gateway");
        lines.add("Gateway report", String.valueOf(input.gatewayReportId()));
        lines.add("Gateway message", String.valueOf(input.messageId()));
        lines.add("Platform", input.platformId());
        if (report != null) {
            lines.add("Priority", input.priority());
            if (!P1.equals(input.priority())) {
                lines.add("Escalation reason", text(report, "escalationReason"));
            }
            JsonNode detection = report.path("detection");
            lines.add("Detection", text(detection, "method") == null
                    ? null
                    : text(detection, "method") + (text(detection, "detectedAt") == null
                            ? ""
                            : ", detected " + text(detection, "detectedAt")));
            lines.add("Jurisdictions", String.join(", ", texts(report, "jurisdictions")));
            List<String> previous = new ArrayList<>();
            items(report, "previousReports").forEach(p -> previous.add(text(p, "destination") + " "
                    + text(p, "externalId")));
            lines.add("Previous reports", String.join("; ", previous));
            JsonNode declaration = report.path("declaration");
            lines.add("Declaration", text(declaration, "name") == null
                    ? null
                    : text(declaration, "name") + " <" + text(declaration, "email") + ">, accepted "
                            + text(declaration, "acceptedAt"));
        }
        return lines.toString();
    }

    private static String join(String... parts) {
        List<String> present = new ArrayList<>();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                present.add(part);
            }
        }
        return String.join("\n\n", present);
    }
}
