package org.tipline.gateway.routing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.Validation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipline.gateway.kernel.ReportFacts;
import org.tipline.gateway.platform.errors.UnprocessableException;
import org.tipline.gateway.platform.errors.Violation;
import org.tipline.gateway.platform.errors.ViolationCode;
import org.tipline.gateway.support.JsonEdit;

import com.fasterxml.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/** Routing rules and destination profiles, on the bundled routing file and on files written for the test. */
class RouterTest {

    private static final Router BUNDLED = new Router(table(Optional.empty()));

    private static RoutingTable table(Optional<Path> file) {
        return new RoutingTable(() -> file, Validation.buildDefaultValidatorFactory().getValidator());
    }

    private static JsonNode report(String extra) {
        return JsonEdit.parse("""
                {"incident": {"type": "CHILD_SEXUAL_ABUSE_MATERIAL", "occurredAt": "2026-01-01T00:00:00Z"},
                 "reporter": {"reportingPerson": {"emails": [{"address": "a@example.com"}]}}%s}
                """.formatted(extra));
    }

    private static RoutingDecision route(JsonNode document, Regime... regimes) {
        Set<Regime> set = regimes.length == 0 ? EnumSet.noneOf(Regime.class) : EnumSet.of(regimes[0], regimes);
        return BUNDLED.route(document, ReportFacts.of(document), set);
    }

    private static UnprocessableException refused(JsonNode document, Regime... regimes) {
        return catchThrowableOfType(UnprocessableException.class, () -> route(document, regimes));
    }

    @Test
    void aUsPlatformsReportGoesToNcmecByRule2258a() {
        assertThat(route(report(""), Regime.US_NCMEC).rulesByDestination()).containsExactly(
                java.util.Map.entry("ncmec", java.util.List.of("us-2258a")));
    }

    @Test
    void aUkLinkedReportOfAUkPlatformAlsoGoesToTheNca() {
        JsonNode document = report(", \"jurisdictions\": [\"GB\"], \"detection\": {\"method\": \"CLASSIFIER\"},"
                + " \"declaration\": {\"name\": \"A\", \"email\": \"a@example.com\", \"acceptedAt\": \"2026-01-01T00:00:00Z\"}");
        assertThat(route(document, Regime.US_NCMEC, Regime.UK_NCA).destinations()).containsExactly("nca", "ncmec");
    }

    @Test
    void theNcaProfileNamesWhatIsMissing() {
        UnprocessableException e = refused(report(", \"jurisdictions\": [\"GB\"]"), Regime.UK_NCA);
        assertThat(e.violations()).extracting(Violation::pointer, Violation::code).containsExactlyInAnyOrder(
                tuple("/detection", ViolationCode.REQUIRED_BY_DESTINATION),
                tuple("/declaration", ViolationCode.REQUIRED_BY_DESTINATION));
        assertThat(e.violations()).allSatisfy(v -> assertThat(v.message()).contains("nca"));
    }

    @Test
    void c3pNeedsAUrlAnywhereInTheReport() {
        assertThat(refused(report(""), Regime.CA_C3P).violations()).extracting(Violation::pointer, Violation::code)
                .containsExactly(tuple("/internetDetails", ViolationCode.REQUIRED_BY_DESTINATION));
        JsonNode withUrl = report(", \"reportedPersons\": [{\"profileUrls\": [\"https://p.example/u\"]}]");
        assertThat(route(withUrl, Regime.CA_C3P).destinations()).containsExactly("c3p");
    }

    @Test
    void aReportThatRoutesNowhereIsRefused() {
        assertThat(refused(report("")).violations()).extracting(Violation::code)
                .containsExactly(ViolationCode.NO_DESTINATION);
    }

    @Test
    void aReportMayNameRegisteredDestinations() {
        JsonNode document = report(", \"destinations\": [\"iwf\"], \"internetDetails\": [{\"kind\": \"WEB_PAGE\","
                + " \"urls\": [\"https://c.example/1\"]}]");
        assertThat(route(document, Regime.US_NCMEC).rulesByDestination()).containsEntry("iwf",
                java.util.List.of("requested"));
    }

    @Test
    void anUnknownNamedDestinationIsRefusedAtItsPointer() {
        assertThat(refused(report(", \"destinations\": [\"ncmec\", \"nowhere\"]"), Regime.US_NCMEC).violations())
                .extracting(Violation::pointer, Violation::code)
                .containsExactly(tuple("/destinations/1", ViolationCode.UNKNOWN_DESTINATION));
    }

    @Test
    void rulesMatchEveryConditionAndStopStops(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("routing.yaml");
        Files.writeString(file, """
                destinations:
                  - {id: a, name: A, regime: HOTLINE}
                  - {id: b, name: B, regime: HOTLINE}
                  - {id: off, name: Off, regime: HOTLINE, enabled: false}
                rules:
                  - {id: p1-only, when: {priorities: [P1_IMMINENT]}, route: [a], stop: true}
                  - {id: sextortion, when: {annotations: [SEXTORTION], jurisdictions: [DE]}, route: [b, off]}
                """);
        Router router = new Router(table(Optional.of(file)));
        JsonNode p1 = report(
                ", \"priority\": \"P1_IMMINENT\", \"escalationReason\": \"r\", \"jurisdictions\": [\"DE\"]")
                .deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) p1.get("incident")).putArray("annotations").add("SEXTORTION");
        JsonNode p3 = JsonEdit.set("/priority", "\"P3_STANDARD\"").apply(p1);
        assertThat(router.route(p1, ReportFacts.of(p1), Set.of()).destinations()).containsExactly("a");
        assertThat(router.route(p3, ReportFacts.of(p3), Set.of()).destinations()).as("disabled destinations skipped")
                .containsExactly("b");
    }

    @Test
    void aBrokenRoutingFileStopsStartUpNamingTheProblem(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("routing.yaml");
        Files.writeString(file, """
                destinations:
                  - {id: a, name: A, regime: HOTLINE}
                  - {id: a, name: Again, regime: HOTLINE}
                rules:
                  - {id: r, route: [a, ghost]}
                """);
        assertThatThrownBy(() -> table(Optional.of(file))).hasMessageContaining("destination a is defined twice")
                .hasMessageContaining("unknown destination ghost");
        Files.writeString(file, "destinations: [{id: a, name: A, regime: MARTIAN}]\nrules: []\n");
        assertThatThrownBy(() -> table(Optional.of(file))).hasMessageContaining("MARTIAN");
        Files.writeString(file, "destinations: [{id: a, name: A, regime: HOTLINE, colour: red}]\nrules: []\n");
        assertThatThrownBy(() -> table(Optional.of(file))).hasMessageContaining("colour");
    }

    @Test
    void profilePointersMatchAnyListIndex() {
        JsonNode document = JsonEdit.parse("{\"a\": [{\"b\": []}, {\"b\": [\"x\"]}], \"c\": \"  \"}");
        assertThat(ProfileCheck.present(document, "/a/*/b/*")).isTrue();
        assertThat(ProfileCheck.present(document, "/a/0/b/*")).isFalse();
        assertThat(ProfileCheck.present(document, "/c")).as("blank counts as absent").isFalse();
        assertThat(ProfileCheck.present(document, "/missing/*")).isFalse();
    }
}
