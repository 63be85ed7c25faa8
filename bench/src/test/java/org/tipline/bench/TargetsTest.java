package org.tipline.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The verdicts on the targets follow from the numbers, and publishing replaces only the marked sections. */
class TargetsTest {

    private static Map<String, Object> latency(double p99) {
        return Map.of("p50Ms", 1.0, "p95Ms", 2.0, "p99Ms", p99, "p999Ms", p99, "maxMs", p99);
    }

    private static Map<String, Object> run(double postP99, double topicP99, long lost, long duplicated) {
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("clients", 16);
        run.put("targetPerSecond", 100);
        run.put("fractionOfMaximum", 0.5);
        run.put("acceptedPerSecond", 200);
        run.put("deliveredPerSecond", 190);
        run.put("deliveredVsPostgres", 0.38);
        run.put("deliveredVsKafka", 0.01);
        run.put("postTo2xx", latency(postP99));
        run.put("answerToTopic", latency(topicP99));
        run.put("lost", lost);
        run.put("duplicated", duplicated);
        run.put("refused", 0);
        run.put("cpuSecondsPer1000", 1.0);
        run.put("peakHeapMiB", 120);
        run.put("peakRssMiB", 600);
        return run;
    }

    private static Map<String, Object> results() {
        Map<String, Object> quarter = new LinkedHashMap<>(run(10, 20, 0, 0));
        quarter.put("fractionOfMaximum", 0.25);
        quarter.put("cpuSecondsPer1000", 2.5);
        Map<String, Object> size = Map.of("bodyBytes", 2048, "closedLoop", run(40, 90, 0, 0), "openLoop",
                List.of(quarter, run(20, 300, 0, 1)), "kafkaBaseline", Map.of("recordBytes", 2048, "perSecond", 20000),
                "postgresBaseline", Map.of("perSecond", 500, "clients", 16));
        return Map.of("startedAt", "2026-11-30T00:00:00Z",
                "machine", Map.of("cores", 2, "cpu", "synthetic", "memoryGiB", 24, "java", "17"),
                "servers", "local", "gatewayJvmOptions", List.of("-Xmx256m"),
                "intake", Map.of("runs", List.of(size)),
                "audit-query", Map.of("logSize", 1_000_000, "seededEvents", 1_000_000, "sequencedEventsPerSecond", 1,
                        "runs", List.of(Map.of("concurrency", 1, "queriesPerSecond", 10, "p50Ms", 1.0, "p95Ms", 2.0,
                                "p99Ms", 49.9, "p999Ms", 60.0, "maxMs", 70.0))));
    }

    @Test
    void eachGoalIsJudgedFromItsOwnNumbers() {
        // When
        Map<String, Boolean> met = new LinkedHashMap<>();
        Targets.judge(results()).forEach(verdict -> met.put(verdict.goal(), verdict.met()));
        // Then
        assertThat(met).containsExactly(
                Map.entry("2.0 KB: delivered/s ≥ 1,000", false),
                Map.entry("2.0 KB: POST→2xx p99 ≤ 25 ms at half the maximum (100/s)", true),
                Map.entry("2.0 KB: 2xx→topic p99 ≤ 250 ms at half the maximum (100/s)", false),
                Map.entry("2.0 KB: gateway CPU per report at a quarter of the maximum ≤ 2 × at the maximum", false),
                Map.entry("2.0 KB: heap ≤ 256 MB and RSS ≤ 512 MB at the maximum rate", false),
                Map.entry("2.0 KB: zero lost and zero duplicated report ids in every run", false),
                Map.entry("audit query by reportId over 1000000 events, 1 client(s): p99 < 50 ms", true));
    }

    @Test
    void theThroughputAndCpuGoalsAreMetAtTheirBounds() {
        // Given: 1,000 delivered/s, and at a quarter of the maximum exactly twice the CPU per report
        Map<String, Object> closed = new LinkedHashMap<>(run(10, 20, 0, 0));
        closed.put("deliveredPerSecond", 1000);
        Map<String, Object> quarter = new LinkedHashMap<>(run(10, 20, 0, 0));
        quarter.put("fractionOfMaximum", 0.25);
        quarter.put("cpuSecondsPer1000", 2.0);
        Map<String, Object> results = Map.of("intake", Map.of("runs", List.of(Map.of("bodyBytes", 2048,
                "closedLoop", closed, "openLoop", List.of(quarter)))));
        // When
        Map<String, Boolean> met = new LinkedHashMap<>();
        Targets.judge(results).forEach(verdict -> met.put(verdict.goal(), verdict.met()));
        // Then
        assertThat(met).containsEntry("2.0 KB: delivered/s ≥ 1,000", true).containsEntry(
                "2.0 KB: gateway CPU per report at a quarter of the maximum ≤ 2 × at the maximum", true);
    }

    @Test
    void publishingReplacesOnlyTheMarkedSections() {
        // Given
        String document = "# Performance\n\nMethod.\n\n" + MarkedSections.start("results") + "\nold numbers\n"
                + MarkedSections.end("results") + "\n\nBetween.\n\n" + MarkedSections.start("targets")
                + "\nold verdicts\n" + MarkedSections.end("targets") + "\n\nAfter.\n";
        // When
        String published = ResultsTable.publish(document, results());
        // Then
        assertThat(published).startsWith("# Performance\n\nMethod.\n\n").contains("\n\nBetween.\n\n")
                .endsWith("\n\nAfter.\n").doesNotContain("old numbers").doesNotContain("old verdicts")
                .contains("| 2.0 KB | closed, 16 clients | 200 | 190 |").contains("| **no** |");
        assertThat(ResultsTable.publish(published, results())).as("publishing twice changes nothing")
                .isEqualTo(published);
    }

    @Test
    void aDocumentWithoutMarkersIsRefused() {
        assertThatThrownBy(() -> ResultsTable.publish("# Performance\n", results()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bench:results");
    }
}
