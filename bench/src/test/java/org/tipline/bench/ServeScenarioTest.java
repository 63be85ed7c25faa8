package org.tipline.bench;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The serve scenario's ledger count and the wrk script it hands out. */
class ServeScenarioTest {

    @Test
    void theDeliveredRateSpansFirstSubmissionToLastForwarding() {
        Instant first = Instant.parse("2026-12-06T00:00:00Z");
        assertThat(ServeScenario.summary(1000, 900, first, first.plusMillis(1500)))
                .containsEntry("accepted", 1000L).containsEntry("delivered", 900L).containsEntry("seconds", 1.5)
                .containsEntry("deliveredPerSecond", 600L);
    }

    @Test
    void theRatesOfATickAreTheCountsDifferencesOverItsLength() {
        Instant first = Instant.parse("2026-12-06T00:00:00Z");
        assertThat(ServeScenario.rates(ServeScenario.summary(100, 40, first, first.plusSeconds(1)),
                ServeScenario.summary(9100, 8040, first, first.plusSeconds(11)), java.time.Duration.ofSeconds(10)))
                .isEqualTo("900 accepted/s, 800 delivered/s");
    }

    @Test
    void theReportsAreOneALineInTheIntakeScenariosMix() {
        List<byte[]> bodies = new SyntheticReportBodies(2048).bodies(IntakeBenchmark.BODIES, 2048);
        String[] lines = new String(ServeScenario.ndjson(bodies), StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(IntakeBenchmark.BODIES);
        assertThat(lines[0].getBytes(StandardCharsets.UTF_8)).isEqualTo(bodies.get(0));
        long toBoth = Arrays.stream(lines).filter(line -> line.contains("\"GB\"")).count();
        assertThat(toBoth).isBetween(100L, 240L);
        assertThatThrownBy(() -> ServeScenario.ndjson(List.of("{\n}".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withoutAForwardingThereIsNoRate() {
        Instant first = Instant.parse("2026-12-06T00:00:00Z");
        assertThat(ServeScenario.summary(0, 0, null, null)).doesNotContainKeys("seconds", "deliveredPerSecond");
        assertThat(ServeScenario.summary(3, 0, first, null)).doesNotContainKey("deliveredPerSecond");
        assertThat(ServeScenario.summary(1, 1, first, first)).doesNotContainKey("deliveredPerSecond");
    }

    @Test
    void theWrkScriptPostsFinishedReportsUnderFreshKeys() throws Exception {
        try (InputStream lua = ServeScenario.class.getResourceAsStream("/wrk/post-report.lua")) {
            assertThat(lua).isNotNull();
            String script = new String(lua.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(script).contains("\"/v1/reports?finish=true\"",
                    "[\"Idempotency-Key\"] = prefix .. \"-\" .. counter",
                    "os.getenv(\"KEY\")", "os.getenv(\"REPORTS\")");
        }
    }
}
