package org.tipline.gateway.intake;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.tipline.gateway.intake.model.FileDetailsRequest;
import org.tipline.gateway.intake.model.ReportRequest;
import org.tipline.gateway.kernel.ReportCodes.IncidentAnnotation;
import org.tipline.gateway.kernel.ReportCodes.IncidentType;
import org.tipline.gateway.platform.errors.MalformedRequestException;
import org.tipline.gateway.platform.errors.UnprocessableException;
import org.tipline.gateway.platform.errors.Violation;
import org.tipline.gateway.platform.json.RequestReader;
import org.tipline.gateway.support.JsonEdit;
import org.tipline.gateway.support.SyntheticReports;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;
import static org.tipline.gateway.intake.ValidationCase.bad;
import static org.tipline.gateway.intake.ValidationCase.malformed;
import static org.tipline.gateway.intake.ValidationCase.ok;
import static org.tipline.gateway.platform.errors.ViolationCode.EMAIL_NOT_ON_PARTY;
import static org.tipline.gateway.platform.errors.ViolationCode.INVALID_FORMAT;
import static org.tipline.gateway.platform.errors.ViolationCode.INVALID_VALUE;
import static org.tipline.gateway.platform.errors.ViolationCode.MUTUALLY_EXCLUSIVE;
import static org.tipline.gateway.platform.errors.ViolationCode.NOT_ALLOWED;
import static org.tipline.gateway.platform.errors.ViolationCode.NOT_ALLOWED_IN_BATCH;
import static org.tipline.gateway.platform.errors.ViolationCode.NOT_IN_PAST;
import static org.tipline.gateway.platform.errors.ViolationCode.OUT_OF_ORDER;
import static org.tipline.gateway.platform.errors.ViolationCode.OUT_OF_RANGE;
import static org.tipline.gateway.platform.errors.ViolationCode.REQUIRED;
import static org.tipline.gateway.platform.errors.ViolationCode.TOO_LONG;
import static org.tipline.gateway.platform.errors.ViolationCode.TOO_MANY;
import static org.tipline.gateway.platform.errors.ViolationCode.UNKNOWN_FIELD;
import static org.tipline.gateway.platform.errors.ViolationCode.WRONG_TYPE;
import static org.tipline.gateway.support.JsonEdit.remove;
import static org.tipline.gateway.support.JsonEdit.set;
import static org.tipline.gateway.support.JsonEdit.text;

/**
 * Walks every constraint of the report model (REPORT-MODEL.md): for each field a valid and an invalid edge, every
 * cross-field rule and every batched-mode rule, one named case each. Each case edits one place of a valid synthetic
 * report and expects acceptance or exactly one violation with its pointer and code.
 */
@QuarkusTest
class ReportConstraintWalkTest {

    private static final JsonNode REPORT = JsonEdit.parse(SyntheticReports.full());
    private static final JsonNode BATCHED = JsonEdit.parse("""
            {"incident": {"type": "CHILD_SEXUAL_ABUSE_MATERIAL", "occurredAt": "2026-01-02T03:04:05Z"},
             "reporter": {"reportingPerson": {"emails": [{"address": "trust-and-safety@example.com"}]}},
             "batch": {"reason": "VIRAL_POTENTIAL_MEME"},
             "reportedPersons": [{"espIdentifier": "user-1"}]}
            """);
    private static final JsonNode DETAILS = JsonEdit.parse("""
            {"originalFileName": "synthetic-noise.png", "locationOfFile": "https://content.example/f/1",
             "uploadedToPlatformAt": "2026-03-01T00:00:00Z", "viewedByPlatform": true, "exifViewedByPlatform": false,
             "publiclyAvailable": false, "relevance": "REPORTED", "annotations": ["GENERATIVE_AI"],
             "industryClassification": "B1", "ukCategory": "C",
             "originalHashes": [{"type": "SHA256", "value": "%s"}],
             "metadata": [{"type": "EXIF", "pairs": [{"name": "Software", "value": "synthetic generator"}]}],
             "additionalInfo": ["synthetic"],
             "syntheticMedia": {"assessment": "SUSPECTED_SYNTHETIC", "basis": ["CLASSIFIER"], "method": "TEXT_TO_IMAGE",
                                "depictsRealPerson": "NONE_KNOWN", "photorealistic": true,
                                "generator": {"name": "example-generator", "version": "1.0"},
                                "prompts": ["synthetic prompt"], "commercial": {"sold": false}}}
            """.formatted("ab".repeat(32)));

    @Inject
    RequestReader reader;

    static String x(int n) {
        return "x".repeat(n);
    }

    static String future() {
        return Instant.now().plus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static String withinSkew() {
        return Instant.now().plus(60, ChronoUnit.SECONDS).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static String emailOfLength(int length) {
        String domain = "@example.com";
        int local = Math.min(64, length - domain.length());
        String rest = "a".repeat(local);
        String labels = "";
        int remaining = length - local - domain.length();
        while (remaining > 0) {
            int label = Math.min(63, remaining - 1);
            labels += "b".repeat(Math.max(1, label)) + ".";
            remaining -= Math.max(1, label) + 1;
        }
        return rest + "@" + labels + domain.substring(1);
    }

    static Stream<ValidationCase> envelope() {
        return Stream.of(
                ok("the full synthetic report is valid", d -> d),
                bad("incident is required", remove("/incident"), "/incident", REQUIRED),
                bad("reporter is required", remove("/reporter"), "/reporter", REQUIRED),
                bad("priority must be a known code", text("/priority", "P0"), "/priority", INVALID_VALUE),
                ok("priority P3 needs no escalation reason",
                        d -> remove("/escalationReason").apply(text("/priority", "P3_STANDARD").apply(d))),
                ok("escalationReason of 3000 characters", text("/escalationReason", x(3000))),
                bad("escalationReason of 3001 characters", text("/escalationReason", x(3001)), "/escalationReason",
                        TOO_LONG),
                bad("rule: P2 needs an escalation reason", remove("/escalationReason"), "/escalationReason", REQUIRED),
                bad("rule: P1 needs an escalation reason",
                        d -> remove("/escalationReason").apply(text("/priority", "P1_IMMINENT").apply(d)),
                        "/escalationReason", REQUIRED),
                bad("rule: a blank escalation reason counts as absent", text("/escalationReason", "   "),
                        "/escalationReason", REQUIRED),
                bad("detection.method is required", remove("/detection/method"), "/detection/method", REQUIRED),
                bad("detection.method must be a known code", text("/detection/method", "PSYCHIC"), "/detection/method",
                        INVALID_VALUE),
                ok("detection.detectedAt within the clock skew", text("/detection/detectedAt", withinSkew())),
                bad("detection.detectedAt in the future", text("/detection/detectedAt", future()),
                        "/detection/detectedAt", NOT_IN_PAST),
                bad("jurisdictions must be alpha-2 codes", text("/jurisdictions/0", "XX"), "/jurisdictions/0",
                        INVALID_VALUE),
                bad("jurisdictions are upper case", text("/jurisdictions/0", "gb"), "/jurisdictions/0", INVALID_VALUE),
                ok("100 jurisdictions", set("/jurisdictions", repeatJson("\"US\"", 100))),
                bad("101 jurisdictions", set("/jurisdictions", repeatJson("\"US\"", 101)), "/jurisdictions", TOO_MANY),
                bad("destinations are lower-case ids", set("/destinations", "[\"NCMEC\"]"), "/destinations/0",
                        INVALID_FORMAT),
                ok("a previous report",
                        set("/previousReports", "[{\"destination\": \"ncmec\", \"externalId\": \"123\"}]")),
                bad("previousReports.externalId is required", set("/previousReports", "[{\"destination\": \"ncmec\"}]"),
                        "/previousReports/0/externalId", REQUIRED),
                bad("previousReports.destination of 65 characters",
                        set("/previousReports", "[{\"destination\": \"" + x(65) + "\", \"externalId\": \"1\"}]"),
                        "/previousReports/0/destination", TOO_LONG),
                bad("declaration.name is required", remove("/declaration/name"), "/declaration/name", REQUIRED),
                bad("declaration.email must be an email", text("/declaration/email", "not-an-email"),
                        "/declaration/email", INVALID_FORMAT),
                bad("declaration.acceptedAt in the future", text("/declaration/acceptedAt", future()),
                        "/declaration/acceptedAt", NOT_IN_PAST),
                bad("declaration.acceptedAt is required", remove("/declaration/acceptedAt"), "/declaration/acceptedAt",
                        REQUIRED),
                ok("additionalInfo of 100000 characters", text("/additionalInfo", x(100_000))),
                bad("additionalInfo of 100001 characters", text("/additionalInfo", x(100_001)), "/additionalInfo",
                        TOO_LONG),
                malformed("unknown top-level field", set("/colour", "\"red\""), "/colour", UNKNOWN_FIELD),
                malformed("unknown nested field", set("/incident/severity", "3"), "/incident/severity", UNKNOWN_FIELD),
                malformed("wrong type: number for a string", set("/escalationReason", "42"), "/escalationReason",
                        WRONG_TYPE),
                malformed("wrong type: string for an object", text("/detection", "USER_REPORT"), "/detection",
                        WRONG_TYPE),
                malformed("wrong type: object for an array", set("/jurisdictions", "{}"), "/jurisdictions",
                        WRONG_TYPE));
    }

    static Stream<ValidationCase> incident() {
        List<ValidationCase> cases = new ArrayList<>(List.of(
                bad("incident.type is required", remove("/incident/type"), "/incident/type", REQUIRED),
                bad("incident.type must be one of NCMEC's categories", text("/incident/type", "OTHER"),
                        "/incident/type",
                        INVALID_VALUE),
                bad("incident.occurredAt is required", remove("/incident/occurredAt"), "/incident/occurredAt",
                        REQUIRED),
                bad("incident.occurredAt needs an offset", text("/incident/occurredAt", "2026-01-01T00:00:00"),
                        "/incident/occurredAt", INVALID_FORMAT),
                bad("incident.occurredAt is a timestamp, not a date", text("/incident/occurredAt", "2026-01-01"),
                        "/incident/occurredAt", INVALID_FORMAT),
                bad("incident.occurredAt is a real date", text("/incident/occurredAt", "2026-02-30T00:00:00Z"),
                        "/incident/occurredAt", INVALID_FORMAT),
                malformed("incident.occurredAt is not epoch seconds", set("/incident/occurredAt", "1767225600"),
                        "/incident/occurredAt", WRONG_TYPE),
                ok("incident.occurredAt with a +14:00 offset",
                        text("/incident/occurredAt", "2026-01-01T10:00:00+14:00")),
                ok("incident.occurredAt with fractional seconds",
                        text("/incident/occurredAt", "2026-01-01T10:00:00.123456789Z")),
                ok("incident.occurredAt within the clock skew", text("/incident/occurredAt", withinSkew())),
                bad("incident.occurredAt in the future", text("/incident/occurredAt", future()), "/incident/occurredAt",
                        NOT_IN_PAST),
                ok("incident.occurredAtDescription of 3000 characters",
                        text("/incident/occurredAtDescription", x(3000))),
                bad("incident.occurredAtDescription of 3001 characters",
                        text("/incident/occurredAtDescription", x(3001)),
                        "/incident/occurredAtDescription", TOO_LONG),
                ok("incident.platform of 256 characters", text("/incident/platform", x(256))),
                bad("incident.platform of 257 characters", text("/incident/platform", x(257)), "/incident/platform",
                        TOO_LONG),
                bad("incident.annotations must be known codes", set("/incident/annotations", "[\"SCARY\"]"),
                        "/incident/annotations/0", INVALID_VALUE)));
        for (IncidentType type : IncidentType.values()) {
            cases.add(ok("incident.type " + type, text("/incident/type", type.name())));
        }
        for (IncidentAnnotation annotation : IncidentAnnotation.values()) {
            cases.add(ok("incident.annotations " + annotation,
                    set("/incident/annotations", "[\"" + annotation.name() + "\"]")));
        }
        return cases.stream();
    }

    static Stream<ValidationCase> reporterAndContacts() {
        String person = "/reporter/reportingPerson";
        return Stream.of(
                bad("reporter.reportingPerson is required", remove(person), person, REQUIRED),
                bad("rule: the reporting person needs an email", set(person + "/emails", "[]"), person + "/emails",
                        REQUIRED),
                bad("rule: the reporting person has no age", set(person + "/age", "40"), person + "/age", NOT_ALLOWED),
                bad("rule: the reporting person has no date of birth", text(person + "/dateOfBirth", "1980-01-01"),
                        person + "/dateOfBirth", NOT_ALLOWED),
                bad("rule: a contact person has no age", set("/reporter/contactPerson/age", "40"),
                        "/reporter/contactPerson/age", NOT_ALLOWED),
                bad("reporter.legalUrl must be an absolute URL", text("/reporter/legalUrl", "/legal"),
                        "/reporter/legalUrl", INVALID_FORMAT),
                ok("reporter.termsOfService of 100000 characters", text("/reporter/termsOfService", x(100_000))),
                bad("reporter.companyTemplate of 100001 characters", text("/reporter/companyTemplate", x(100_001)),
                        "/reporter/companyTemplate", TOO_LONG),
                ok("person.firstName of 100 characters", text(person + "/firstName", x(100))),
                bad("person.firstName of 101 characters", text(person + "/firstName", x(101)), person + "/firstName",
                        TOO_LONG),
                ok("person.lastName of 100 characters", text(person + "/lastName", x(100))),
                bad("person.lastName of 101 characters", text(person + "/lastName", x(101)), person + "/lastName",
                        TOO_LONG),
                ok("email of 255 characters", text(person + "/emails/0/address", emailOfLength(255))),
                bad("email of 256 characters", text(person + "/emails/0/address", emailOfLength(256)),
                        person + "/emails/0/address", INVALID_FORMAT),
                ok("email local part of 64 characters",
                        text(person + "/emails/0/address", "a".repeat(64) + "@example.com")),
                bad("email local part of 65 characters",
                        text(person + "/emails/0/address", "a".repeat(65) + "@example.com"),
                        person + "/emails/0/address", INVALID_FORMAT),
                bad("email without a domain", text(person + "/emails/0/address", "someone@"),
                        person + "/emails/0/address", INVALID_FORMAT),
                bad("email address is required", remove(person + "/emails/0/address"), person + "/emails/0/address",
                        REQUIRED),
                bad("email.type must be a known code", text(person + "/emails/0/type", "SECRET"),
                        person + "/emails/0/type", INVALID_VALUE),
                bad("rule: email.verifiedAt only when verified",
                        text(person + "/emails/0/verifiedAt", "2025-01-01T00:00:00Z"),
                        person + "/emails/0/verifiedAt", NOT_ALLOWED),
                ok("email.verifiedAt when verified", d -> text(person + "/emails/0/verifiedAt", "2025-01-01T00:00:00Z")
                        .apply(set(person + "/emails/0/verified", "true").apply(d))),
                malformed("email.verified is a boolean", text(person + "/emails/0/verified", "yes"),
                        person + "/emails/0/verified", WRONG_TYPE),
                ok("phone of 50 characters", text(person + "/phones/0/number", "5".repeat(50))),
                bad("phone of 51 characters", text(person + "/phones/0/number", "5".repeat(51)),
                        person + "/phones/0/number",
                        TOO_LONG),
                bad("phone with letters", text(person + "/phones/0/number", "CALL-ME"), person + "/phones/0/number",
                        INVALID_FORMAT),
                ok("phone.countryCallingCode +44", text(person + "/phones/0/countryCallingCode", "+44")),
                bad("phone.countryCallingCode of four digits", text(person + "/phones/0/countryCallingCode", "+4412"),
                        person + "/phones/0/countryCallingCode", INVALID_FORMAT),
                bad("phone.countryCallingCode without +", text(person + "/phones/0/countryCallingCode", "44"),
                        person + "/phones/0/countryCallingCode", INVALID_FORMAT),
                bad("phone.extension of digits only", text(person + "/phones/0/extension", "12a"),
                        person + "/phones/0/extension", INVALID_FORMAT),
                ok("address with a US state",
                        set(person + "/addresses",
                                "[{\"city\": \"Springfield\", \"state\": \"IL\", \"country\": \"US\"}]")),
                bad("rule: a US address has a US state code",
                        set(person + "/addresses", "[{\"state\": \"ZZ\", \"country\": \"US\"}]"),
                        person + "/addresses/0/state", INVALID_VALUE),
                ok("a non-US address has any region",
                        set(person + "/addresses", "[{\"state\": \"Bavaria\", \"country\": \"DE\"}]")),
                bad("address.country is alpha-2", set(person + "/addresses", "[{\"country\": \"USA\"}]"),
                        person + "/addresses/0/country", INVALID_VALUE),
                bad("address.street of 256 characters",
                        set(person + "/addresses", "[{\"street\": \"" + x(256) + "\"}]"),
                        person + "/addresses/0/street", TOO_LONG),
                bad("address.city of 101 characters", set(person + "/addresses", "[{\"city\": \"" + x(101) + "\"}]"),
                        person + "/addresses/0/city", TOO_LONG),
                bad("address.postalCode of 21 characters",
                        set(person + "/addresses", "[{\"postalCode\": \"" + x(21) + "\"}]"),
                        person + "/addresses/0/postalCode", TOO_LONG),
                bad("address.type must be a known code", set(person + "/addresses", "[{\"type\": \"CASTLE\"}]"),
                        person + "/addresses/0/type", INVALID_VALUE),
                ok("100 emails", set(person + "/emails", repeatJson("{\"address\": \"a@example.com\"}", 100))),
                bad("101 emails", set(person + "/emails", repeatJson("{\"address\": \"a@example.com\"}", 101)),
                        person + "/emails", TOO_MANY));
    }

    static Stream<ValidationCase> parties() {
        String p = "/reportedPersons/0";
        return Stream.of(
                ok("person.age 0", set(p + "/person/age", "0")),
                ok("person.age 150", set(p + "/person/age", "150")),
                bad("person.age 151", set(p + "/person/age", "151"), p + "/person/age", OUT_OF_RANGE),
                bad("person.age -1", set(p + "/person/age", "-1"), p + "/person/age", OUT_OF_RANGE),
                bad("person.age out of int range", set(p + "/person/age", "99999999999"), p + "/person/age",
                        OUT_OF_RANGE),
                malformed("person.age is an integer", set(p + "/person/age", "34.5"), p + "/person/age", WRONG_TYPE),
                malformed("person.age is a number, not a string", text(p + "/person/age", "34"), p + "/person/age",
                        WRONG_TYPE),
                ok("person.dateOfBirth today",
                        text(p + "/person/dateOfBirth", LocalDate.now(ZoneOffset.UTC).toString())),
                bad("person.dateOfBirth in the future", text(p + "/person/dateOfBirth",
                        LocalDate.now(ZoneOffset.UTC).plusDays(3).toString()), p + "/person/dateOfBirth", NOT_IN_PAST),
                bad("person.dateOfBirth is a real date", text(p + "/person/dateOfBirth", "2010-02-30"),
                        p + "/person/dateOfBirth", INVALID_FORMAT),
                ok("espIdentifier of 255 characters", text(p + "/espIdentifier", x(255))),
                bad("espIdentifier of 256 characters", text(p + "/espIdentifier", x(256)), p + "/espIdentifier",
                        TOO_LONG),
                ok("espService of 100 characters", text(p + "/espService", x(100))),
                bad("espService of 101 characters", text(p + "/espService", x(101)), p + "/espService", TOO_LONG),
                ok("screenName of 256 characters", text(p + "/screenName", x(256))),
                bad("screenName of 257 characters", text(p + "/screenName", x(257)), p + "/screenName", TOO_LONG),
                bad("displayNames item of 256 characters", set(p + "/displayNames", "[\"" + x(256) + "\"]"),
                        p + "/displayNames/0", TOO_LONG),
                bad("profileUrls item must be a URL", set(p + "/profileUrls", "[\"profile page\"]"),
                        p + "/profileUrls/0", INVALID_FORMAT),
                ok("profileUrls item of 2083 characters", set(p + "/profileUrls",
                        "[\"https://p.example/" + x(2083 - 18) + "\"]")),
                bad("profileUrls item of 2084 characters", set(p + "/profileUrls",
                        "[\"https://p.example/" + x(2084 - 18) + "\"]"), p + "/profileUrls/0", INVALID_FORMAT),
                bad("groupIdentifier of 256 characters", text(p + "/groupIdentifier", x(256)), p + "/groupIdentifier",
                        TOO_LONG),
                bad("priorReportIds are positive", set(p + "/priorReportIds", "[0]"), p + "/priorReportIds/0",
                        OUT_OF_RANGE),
                ok("vehicleDescription of 300 characters", text(p + "/vehicleDescription", x(300))),
                bad("vehicleDescription of 301 characters", text(p + "/vehicleDescription", x(301)),
                        p + "/vehicleDescription", TOO_LONG),
                bad("ipAddress is required", remove(p + "/ipCaptureEvents/0/ipAddress"),
                        p + "/ipCaptureEvents/0/ipAddress",
                        REQUIRED),
                bad("ipAddress 256.1.1.1", text(p + "/ipCaptureEvents/0/ipAddress", "256.1.1.1"),
                        p + "/ipCaptureEvents/0/ipAddress", INVALID_FORMAT),
                bad("ipAddress with a leading zero", text(p + "/ipCaptureEvents/0/ipAddress", "192.0.2.010"),
                        p + "/ipCaptureEvents/0/ipAddress", INVALID_FORMAT),
                bad("ipAddress that is a host name", text(p + "/ipCaptureEvents/0/ipAddress", "example.com"),
                        p + "/ipCaptureEvents/0/ipAddress", INVALID_FORMAT),
                bad("ipAddress IPv6 with a bad group", text(p + "/ipCaptureEvents/0/ipAddress", "2001:db8::g"),
                        p + "/ipCaptureEvents/0/ipAddress", INVALID_FORMAT),
                ok("ipAddress IPv6", text(p + "/ipCaptureEvents/0/ipAddress", "2001:db8:0:0:1::7")),
                ok("ipAddress IPv4-mapped IPv6", text(p + "/ipCaptureEvents/0/ipAddress", "::ffff:192.0.2.1")),
                ok("port 1", set(p + "/ipCaptureEvents/0/port", "1")),
                ok("port 65535", set(p + "/ipCaptureEvents/0/port", "65535")),
                bad("port 0", set(p + "/ipCaptureEvents/0/port", "0"), p + "/ipCaptureEvents/0/port", OUT_OF_RANGE),
                bad("port 65536", set(p + "/ipCaptureEvents/0/port", "65536"), p + "/ipCaptureEvents/0/port",
                        OUT_OF_RANGE),
                bad("ipCaptureEvent.eventName must be a known code", text(p + "/ipCaptureEvents/0/eventName", "HACK"),
                        p + "/ipCaptureEvents/0/eventName", INVALID_VALUE),
                bad("ipCaptureEvent.at in the future", text(p + "/ipCaptureEvents/0/at", future()),
                        p + "/ipCaptureEvents/0/at", NOT_IN_PAST),
                bad("deviceId.idType is required", set(p + "/deviceIds", "[{\"idValue\": \"1\"}]"),
                        p + "/deviceIds/0/idType",
                        REQUIRED),
                bad("deviceId.idType of 256 characters",
                        set(p + "/deviceIds", "[{\"idType\": \"" + x(256) + "\", \"idValue\": \"1\"}]"),
                        p + "/deviceIds/0/idType", TOO_LONG),
                ok("deviceId.idValue of 2083 characters",
                        set(p + "/deviceIds", "[{\"idType\": \"IMEI\", \"idValue\": \"" + x(2083) + "\"}]")),
                bad("deviceId.idValue of 2084 characters",
                        set(p + "/deviceIds", "[{\"idType\": \"IMEI\", \"idValue\": \"" + x(2084) + "\"}]"),
                        p + "/deviceIds/0/idValue", TOO_LONG),
                ok("rule: userNotifiedAt equal to disabledAt", text(p + "/accountTemporarilyDisabled/userNotifiedAt",
                        "2026-03-04T08:00:00Z")),
                bad("rule: userNotifiedAt before disabledAt", text(p + "/accountTemporarilyDisabled/userNotifiedAt",
                        "2026-03-04T07:59:59Z"), p + "/accountTemporarilyDisabled/userNotifiedAt", OUT_OF_ORDER),
                ok("rule: reenabledAt after disabledAt", text(p + "/accountTemporarilyDisabled/reenabledAt",
                        "2026-03-05T00:00:00Z")),
                bad("rule: reenabledAt equal to disabledAt", text(p + "/accountTemporarilyDisabled/reenabledAt",
                        "2026-03-04T08:00:00Z"), p + "/accountTemporarilyDisabled/reenabledAt", OUT_OF_ORDER),
                bad("rule: a permanent suspension is not re-enabled", set(p + "/accountPermanentlyDisabled",
                        "{\"disabledAt\": \"2026-03-04T08:00:00Z\", \"reenabledAt\": \"2026-03-05T00:00:00Z\"}"),
                        p + "/accountPermanentlyDisabled/reenabledAt", NOT_ALLOWED),
                bad("estimatedLocation.countryCode is required", remove(p + "/estimatedLocation/countryCode"),
                        p + "/estimatedLocation/countryCode", REQUIRED),
                bad("rule: a US location's region is a state code", text(p + "/estimatedLocation/region", "Illinois"),
                        p + "/estimatedLocation/region", INVALID_VALUE),
                bad("rule: a US city needs a region", remove(p + "/estimatedLocation/region"),
                        p + "/estimatedLocation/region", REQUIRED),
                ok("rule: a non-US city needs no region", d -> remove(p + "/estimatedLocation/region")
                        .apply(text(p + "/estimatedLocation/countryCode", "FR").apply(d))),
                ok("associated account with an approximate age", set(p + "/associatedAccounts",
                        "[{\"type\": \"LINKED\", \"approximateAge\": 30}]")),
                bad("rule: approximateAge excludes dateOfBirth", set(p + "/associatedAccounts",
                        "[{\"type\": \"LINKED\", \"approximateAge\": 30, \"dateOfBirth\": \"1995-01-01\"}]"),
                        p + "/associatedAccounts/0/dateOfBirth", MUTUALLY_EXCLUSIVE),
                bad("associatedAccount.type is required", set(p + "/associatedAccounts", "[{\"approximateAge\": 30}]"),
                        p + "/associatedAccounts/0/type", REQUIRED),
                bad("associatedAccount.type must be a known code",
                        set(p + "/associatedAccounts", "[{\"type\": \"ALT\"}]"),
                        p + "/associatedAccounts/0/type", INVALID_VALUE),
                bad("rule: one reported person unless batched",
                        set("/reportedPersons/1", "{\"espIdentifier\": \"u2\"}"),
                        "/reportedPersons", TOO_MANY),
                bad("rule: a victim needs a person", remove("/victims/0/person"), "/victims/0/person", REQUIRED),
                bad("rule: vehicleDescription is for reported persons", text("/victims/0/vehicleDescription", "car"),
                        "/victims/0/vehicleDescription", NOT_ALLOWED),
                bad("rule: schoolName is for victims", text(p + "/schoolName", "Example School"), p + "/schoolName",
                        NOT_ALLOWED),
                bad("rule: thirdPartyUserReported is for reported persons", set("/intendedRecipients",
                        "[{\"espIdentifier\": \"r1\", \"thirdPartyUserReported\": true}]"),
                        "/intendedRecipients/0/thirdPartyUserReported", NOT_ALLOWED),
                ok("victim.schoolName of 255 characters", text("/victims/0/schoolName", x(255))),
                bad("victim.schoolName of 256 characters", text("/victims/0/schoolName", x(256)),
                        "/victims/0/schoolName", TOO_LONG));
    }

    static Stream<ValidationCase> internetDetails() {
        String d = "/internetDetails";
        return Stream.of(
                bad("internetDetails kind must be known", text(d + "/0/kind", "TELEPATHY"), d + "/0/kind",
                        INVALID_VALUE),
                bad("internetDetails kind is required", remove(d + "/0/kind"), d + "/0/kind", REQUIRED),
                malformed("internetDetails carry only their kind's fields", text(d + "/0/gameName", "x"),
                        d + "/0/gameName", UNKNOWN_FIELD),
                ok("CHAT_IM chatClient of 255 characters", text(d + "/0/chatClient", x(255))),
                bad("CHAT_IM chatClient of 256 characters", text(d + "/0/chatClient", x(256)), d + "/0/chatClient",
                        TOO_LONG),
                bad("CHAT_IM chatRoomName of 256 characters", text(d + "/0/chatRoomName", x(256)),
                        d + "/0/chatRoomName", TOO_LONG),
                ok("WEB_PAGE url of 2083 characters",
                        set(d + "/1/urls", "[\"https://u.example/" + x(2083 - 18) + "\"]")),
                bad("WEB_PAGE url of 2084 characters",
                        set(d + "/1/urls", "[\"https://u.example/" + x(2084 - 18) + "\"]"),
                        d + "/1/urls/0", INVALID_FORMAT),
                bad("WEB_PAGE url must be absolute", set(d + "/1/urls", "[\"content.example/x\"]"), d + "/1/urls/0",
                        INVALID_FORMAT),
                bad("rule: EMAIL addresses appear on a party", set(d + "/2/emailAddresses",
                        "[{\"address\": \"stranger@mail.example\"}]"), d + "/2/emailAddresses/0/address",
                        EMAIL_NOT_ON_PARTY),
                ok("rule: EMAIL address matching ignores case", set(d + "/2/emailAddresses",
                        "[{\"address\": \"Suspect.User@Mail.Example\"}]")),
                ok("rule: an EMAIL address on an associated account counts", d2 -> set(d + "/2/emailAddresses",
                        "[{\"address\": \"alt@mail.example\"}]").apply(
                                set("/reportedPersons/0/associatedAccounts",
                                        "[{\"type\": \"LINKED\", \"emails\": [{\"address\": \"alt@mail.example\"}]}]")
                                        .apply(d2))),
                bad("rule: NEWSGROUP addresses appear on a party", set(d + "/4",
                        "{\"kind\": \"NEWSGROUP\", \"name\": \"alt.example\", \"emailAddresses\": [{\"address\": \"x@news.example\"}]}"),
                        d + "/4/emailAddresses/0/address", EMAIL_NOT_ON_PARTY),
                bad("NEWSGROUP name of 256 characters",
                        set(d + "/4", "{\"kind\": \"NEWSGROUP\", \"name\": \"" + x(256) + "\"}"),
                        d + "/4/name", TOO_LONG),
                bad("ONLINE_GAMING gameName of 256 characters", set(d + "/4",
                        "{\"kind\": \"ONLINE_GAMING\", \"gameName\": \"" + x(256) + "\"}"), d + "/4/gameName",
                        TOO_LONG),
                bad("ONLINE_GAMING console of 256 characters", set(d + "/4",
                        "{\"kind\": \"ONLINE_GAMING\", \"console\": \"" + x(256) + "\"}"), d + "/4/console", TOO_LONG),
                ok("CELL_PHONE latitude 90 and longitude -180", set(d + "/4",
                        "{\"kind\": \"CELL_PHONE\", \"latitude\": 90, \"longitude\": -180}")),
                bad("CELL_PHONE latitude 90.0001", set(d + "/4", "{\"kind\": \"CELL_PHONE\", \"latitude\": 90.0001}"),
                        d + "/4/latitude", OUT_OF_RANGE),
                bad("CELL_PHONE longitude -180.5", set(d + "/4", "{\"kind\": \"CELL_PHONE\", \"longitude\": -180.5}"),
                        d + "/4/longitude", OUT_OF_RANGE),
                bad("CELL_PHONE latitude 1e400 overflows",
                        set(d + "/4", "{\"kind\": \"CELL_PHONE\", \"latitude\": 1e400}"),
                        d + "/4/latitude", OUT_OF_RANGE),
                bad("NON_INTERNET locationName of 256 characters", set(d + "/4",
                        "{\"kind\": \"NON_INTERNET\", \"locationName\": \"" + x(256) + "\"}"), d + "/4/locationName",
                        TOO_LONG),
                bad("PEER_TO_PEER client of 256 characters", set(d + "/4",
                        "{\"kind\": \"PEER_TO_PEER\", \"client\": \"" + x(256) + "\"}"), d + "/4/client", TOO_LONG),
                bad("PEER_TO_PEER ipCaptureEvents are validated", set(d + "/4",
                        "{\"kind\": \"PEER_TO_PEER\", \"ipCaptureEvents\": [{\"ipAddress\": \"300.0.0.1\"}]}"),
                        d + "/4/ipCaptureEvents/0/ipAddress", INVALID_FORMAT),
                ok("GENERATIVE_MODEL modelName of 256 characters", text(d + "/3/modelName", x(256))),
                bad("GENERATIVE_MODEL modelName of 257 characters", text(d + "/3/modelName", x(257)),
                        d + "/3/modelName",
                        TOO_LONG),
                bad("GENERATIVE_MODEL baseModel of 257 characters", text(d + "/3/baseModel", x(257)),
                        d + "/3/baseModel",
                        TOO_LONG),
                bad("GENERATIVE_MODEL fileHashes are checked per type", set(d + "/3/fileHashes",
                        "[{\"type\": \"MD5\", \"value\": \"" + "a".repeat(31) + "\"}]"), d + "/3/fileHashes/0/value",
                        INVALID_FORMAT),
                bad("lawEnforcement.agencyName is required", set("/lawEnforcement", "{\"caseNumber\": \"1\"}"),
                        "/lawEnforcement/agencyName", REQUIRED),
                ok("lawEnforcement.agencyName of 255 characters",
                        set("/lawEnforcement", "{\"agencyName\": \"" + x(255) + "\"}")),
                bad("lawEnforcement.agencyName of 256 characters",
                        set("/lawEnforcement", "{\"agencyName\": \"" + x(256) + "\"}"),
                        "/lawEnforcement/agencyName", TOO_LONG),
                bad("lawEnforcement.caseNumber of 101 characters", set("/lawEnforcement",
                        "{\"agencyName\": \"Example Police\", \"caseNumber\": \"" + x(101) + "\"}"),
                        "/lawEnforcement/caseNumber", TOO_LONG),
                bad("rule: fleaCountry needs international legal process", set("/lawEnforcement",
                        "{\"agencyName\": \"Example Police\", \"fleaCountry\": \"DE\"}"), "/lawEnforcement/fleaCountry",
                        NOT_ALLOWED),
                ok("rule: fleaCountry with international legal process", set("/lawEnforcement",
                        "{\"agencyName\": \"Example Police\", \"servedLegalProcessInternational\": true, \"fleaCountry\": \"DE\"}")),
                bad("rule: an officer contact has no age", set("/lawEnforcement",
                        "{\"agencyName\": \"Example Police\", \"officerContact\": {\"lastName\": \"Officer\", \"age\": 40}}"),
                        "/lawEnforcement/officerContact/age", NOT_ALLOWED));
    }

    static Stream<ValidationCase> batched() {
        return Stream.of(
                ok("batched report with one reported person's espIdentifier", d -> BATCHED),
                ok("batched report with several reported persons", d -> set("/reportedPersons/1",
                        "{\"espIdentifier\": \"user-2\"}").apply(BATCHED)),
                bad("batch: no escalation reason", d -> text("/escalationReason", "why").apply(BATCHED),
                        "/escalationReason", NOT_ALLOWED_IN_BATCH),
                bad("batch: not P1 or P2", d -> text("/priority", "P2_SERIOUS").apply(BATCHED), "/priority",
                        NOT_ALLOWED_IN_BATCH),
                bad("batch: no internetDetails",
                        d -> set("/internetDetails", "[{\"kind\": \"CHAT_IM\"}]").apply(BATCHED),
                        "/internetDetails", NOT_ALLOWED_IN_BATCH),
                bad("batch: no lawEnforcement", d -> set("/lawEnforcement", "{\"agencyName\": \"Example Police\"}")
                        .apply(BATCHED), "/lawEnforcement", NOT_ALLOWED_IN_BATCH),
                bad("batch: no intendedRecipients", d -> set("/intendedRecipients", "[{\"espIdentifier\": \"r\"}]")
                        .apply(BATCHED), "/intendedRecipients", NOT_ALLOWED_IN_BATCH),
                bad("batch: no victims", d -> set("/victims", "[{\"person\": {\"age\": 12}}]").apply(BATCHED),
                        "/victims",
                        NOT_ALLOWED_IN_BATCH),
                bad("batch.reason must be a known code", d -> text("/batch/reason", "BORED").apply(BATCHED),
                        "/batch/reason", INVALID_VALUE),
                bad("batch.reason is required", d -> set("/batch", "{}").apply(BATCHED), "/batch/reason", REQUIRED),
                bad("batch: no additionalInfo", d -> text("/additionalInfo", "more").apply(BATCHED), "/additionalInfo",
                        NOT_ALLOWED_IN_BATCH),
                bad("batch: reported persons carry only espIdentifier", d -> text("/reportedPersons/0/screenName", "s")
                        .apply(BATCHED), "/reportedPersons/0/screenName", NOT_ALLOWED_IN_BATCH),
                bad("batch: reported persons carry no person", d -> set("/reportedPersons/0/person", "{\"age\": 30}")
                        .apply(BATCHED), "/reportedPersons/0/person", NOT_ALLOWED_IN_BATCH));
    }

    static Stream<ValidationCase> fileDetails() {
        return Stream.of(
                ok("file details are valid", d -> DETAILS),
                ok("originalFileName of 2056 characters", on(text("/originalFileName", x(2056)))),
                bad("originalFileName of 2057 characters", on(text("/originalFileName", x(2057))), "/originalFileName",
                        TOO_LONG),
                bad("locationOfFile must be a URL", on(text("/locationOfFile", "c:\\\\files")), "/locationOfFile",
                        INVALID_FORMAT),
                bad("uploadedToPlatformAt in the future", on(text("/uploadedToPlatformAt", future())),
                        "/uploadedToPlatformAt", NOT_IN_PAST),
                bad("rule: exifViewedByPlatform needs viewedByPlatform", on(d -> set("/viewedByPlatform", "false")
                        .apply(set("/exifViewedByPlatform", "true").apply(d))), "/exifViewedByPlatform", NOT_ALLOWED),
                ok("rule: exifViewedByPlatform with viewedByPlatform", on(set("/exifViewedByPlatform", "true"))),
                bad("rule: a supplemental file has no industry classification", on(text("/relevance",
                        "SUPPLEMENTAL_REPORTED")), "/industryClassification", NOT_ALLOWED),
                bad("rule: a supplemental file is not POTENTIAL_MEME",
                        on(d -> set("/annotations", "[\"POTENTIAL_MEME\"]")
                                .apply(remove("/industryClassification")
                                        .apply(text("/relevance", "SUPPLEMENTAL_REPORTED")
                                                .apply(d)))),
                        "/annotations", NOT_ALLOWED),

                ok("rule: a supplemental file may be VIRAL", on(d -> set("/annotations", "[\"VIRAL\"]")
                        .apply(remove("/industryClassification").apply(text("/relevance", "SUPPLEMENTAL_REPORTED")
                                .apply(d))))),
                bad("relevance must be a known code", on(text("/relevance", "IRRELEVANT")), "/relevance",
                        INVALID_VALUE),
                bad("industryClassification must be a known code", on(text("/industryClassification", "C1")),
                        "/industryClassification", INVALID_VALUE),
                bad("ukCategory must be A, B or C", on(text("/ukCategory", "D")), "/ukCategory", INVALID_VALUE),
                bad("annotations must be known codes", on(set("/annotations", "[\"FUNNY\"]")), "/annotations/0",
                        INVALID_VALUE),
                bad("MD5 hash of 31 hex digits", on(set("/originalHashes", "[{\"type\": \"MD5\", \"value\": \""
                        + "a".repeat(31) + "\"}]")), "/originalHashes/0/value", INVALID_FORMAT),
                ok("MD5 hash of 32 hex digits", on(set("/originalHashes", "[{\"type\": \"MD5\", \"value\": \""
                        + "a".repeat(32) + "\"}]"))),
                bad("SHA1 hash with a non-hex digit", on(set("/originalHashes", "[{\"type\": \"SHA1\", \"value\": \""
                        + "g".repeat(40) + "\"}]")), "/originalHashes/0/value", INVALID_FORMAT),
                ok("PDQ hash with quality 100", on(set("/originalHashes", "[{\"type\": \"PDQ\", \"value\": \""
                        + "f".repeat(64) + "\", \"quality\": 100}]"))),
                bad("PDQ quality 101", on(set("/originalHashes", "[{\"type\": \"PDQ\", \"value\": \"" + "f".repeat(64)
                        + "\", \"quality\": 101}]")), "/originalHashes/0/quality", OUT_OF_RANGE),
                bad("hash type must be a known code",
                        on(set("/originalHashes", "[{\"type\": \"CRC\", \"value\": \"1\"}]")),
                        "/originalHashes/0/type", INVALID_VALUE),
                bad("metadata needs pairs", on(set("/metadata", "[{\"type\": \"EXIF\", \"pairs\": []}]")),
                        "/metadata/0/pairs", REQUIRED),
                bad("metadata type must be EXIF or HASH",
                        on(set("/metadata", "[{\"type\": \"XMP\", \"pairs\": [{\"name\": \"a\", \"value\": \"b\"}]}]")),
                        "/metadata/0/type", INVALID_VALUE),
                bad("syntheticMedia.assessment is required", on(remove("/syntheticMedia/assessment")),
                        "/syntheticMedia/assessment", REQUIRED),
                bad("syntheticMedia.assessment must be a known code", on(text("/syntheticMedia/assessment", "MAYBE")),
                        "/syntheticMedia/assessment", INVALID_VALUE),
                bad("syntheticMedia.basis must be known codes", on(set("/syntheticMedia/basis", "[\"VIBES\"]")),
                        "/syntheticMedia/basis/0", INVALID_VALUE),
                bad("syntheticMedia.method must be a known code", on(text("/syntheticMedia/method", "PAINTING")),
                        "/syntheticMedia/method", INVALID_VALUE),
                bad("syntheticMedia.depictsRealPerson must be a known code",
                        on(text("/syntheticMedia/depictsRealPerson",
                                "MAYBE")),
                        "/syntheticMedia/depictsRealPerson", INVALID_VALUE),
                bad("syntheticMedia.generator.name of 257 characters",
                        on(text("/syntheticMedia/generator/name", x(257))),
                        "/syntheticMedia/generator/name", TOO_LONG),
                bad("syntheticMedia.sourceImage.url must be a URL", on(set("/syntheticMedia/sourceImage",
                        "{\"url\": \"original photo\"}")), "/syntheticMedia/sourceImage/url", INVALID_FORMAT),
                bad("syntheticMedia.commercial.storefrontUrls must be URLs", on(set("/syntheticMedia/commercial",
                        "{\"sold\": true, \"storefrontUrls\": [\"shop\"]}")),
                        "/syntheticMedia/commercial/storefrontUrls/0",
                        INVALID_FORMAT),
                ok("syntheticMedia.prompts item of 10000 characters",
                        on(set("/syntheticMedia/prompts", "[\"" + x(10_000) + "\"]"))),
                bad("syntheticMedia.prompts item of 10001 characters",
                        on(set("/syntheticMedia/prompts", "[\"" + x(10_001) + "\"]")),
                        "/syntheticMedia/prompts/0", TOO_LONG));
    }

    /** An edit of the file-details base document (the report document passed in is ignored). */
    static java.util.function.UnaryOperator<JsonNode> on(java.util.function.UnaryOperator<JsonNode> edit) {
        return ignored -> edit.apply(DETAILS);
    }

    static String repeatJson(String item, int count) {
        return IntStream.range(0, count).mapToObj(i -> item).collect(Collectors.joining(",", "[", "]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource({"envelope", "incident", "reporterAndContacts", "parties", "internetDetails", "batched"})
    void reportConstraint(ValidationCase testCase) {
        check(testCase, testCase.edit().apply(REPORT), ReportRequest.class);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fileDetails")
    void fileDetailsConstraint(ValidationCase testCase) {
        check(testCase, testCase.edit().apply(DETAILS), FileDetailsRequest.class);
    }

    private void check(ValidationCase testCase, JsonNode document, Class<?> type) {
        // Given
        byte[] body = document.toString().getBytes(StandardCharsets.UTF_8);
        // When
        Throwable thrown = catchThrowable(() -> reader.parse(body, type));
        // Then

        if (testCase.status() == 200) {

            assertThat(thrown).as(testCase.name()).isNull();
            return;
        }
        assertThat(thrown).as(testCase.name()).isInstanceOf(testCase.status() == 400
                ? MalformedRequestException.class
                : UnprocessableException.class);
        assertThat(violations(thrown)).as(testCase.name())
                .extracting(Violation::pointer, Violation::code)
                .containsExactly(tuple(testCase.pointer(), testCase.code()));
        assertThat(violations(thrown)).as("messages never echo values").allSatisfy(
                v -> assertThat(v.message()).isNotBlank().doesNotContain("xxxxxxxxxx"));
    }

    private static List<Violation> violations(Throwable e) {
        return e instanceof MalformedRequestException m ? m.violations() : ((UnprocessableException) e).violations();
    }
}
