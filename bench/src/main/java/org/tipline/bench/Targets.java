package org.tipline.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The goals the gateway is measured against (issue 14: 1,000 delivered reports a second at 2 KB, latencies at half the
 * maximum, the CPU of a report at a quarter of it; issue 6: memory, nothing lost; issue 5: the audit query), judged
 * from a run's results so that no verdict is typed by hand. A goal whose scenario did not run is left out.
 */
final class Targets {

    /** One goal, what the run measured, and whether it was met. */
    record Verdict(String goal, String measured, boolean met) {
    }

    /** The delivered-per-second goal is for the 2 KB reports. */
    static final double SMALL_BODY = 4096;

    private Targets() {
    }

    @SuppressWarnings("unchecked")
    static List<Verdict> judge(Map<String, Object> results) {
        List<Verdict> verdicts = new ArrayList<>();
        if (results.get("intake") instanceof Map<?, ?> intake) {
            for (Map<String, Object> size : (List<Map<String, Object>>) intake.get("runs")) {
                intake(verdicts, size);
            }
        }
        if (results.get("audit-query") instanceof Map<?, ?> audit) {
            for (Map<String, Object> run : (List<Map<String, Object>>) audit.get("runs")) {
                double p99 = number(run.get("p99Ms"));
                verdicts.add(new Verdict("audit query by reportId over " + audit.get("logSize") + " events, "
                        + run.get("concurrency") + " client(s): p99 < 50 ms", p99 + " ms", p99 < 50));
            }
        }
        return verdicts;
    }

    @SuppressWarnings("unchecked")
    private static void intake(List<Verdict> verdicts, Map<String, Object> size) {
        String body = ResultsTable.bodyLabel(size);
        Map<String, Object> closed = (Map<String, Object>) size.get("closedLoop");
        double delivered = number(closed.get("deliveredPerSecond"));
        if (number(size.get("bodyBytes")) <= SMALL_BODY) {
            verdicts.add(new Verdict(body + ": delivered/s ≥ 1,000", Math.round(delivered) + "/s = "
                    + Math.round(number(closed.get("deliveredVsPostgres")) * 1000) / 10.0
                    + " % of the PostgreSQL baseline", delivered >= 1000));
        }
        List<Map<String, Object>> open = (List<Map<String, Object>>) size.get("openLoop");
        open.stream().filter(run -> number(run.get("fractionOfMaximum")) == 0.5).findFirst().ifPresent(half -> {
            double post = number(((Map<String, Object>) half.get("postTo2xx")).get("p99Ms"));
            double topic = number(((Map<String, Object>) half.get("answerToTopic")).get("p99Ms"));
            String load = " at half the maximum (" + half.get("targetPerSecond") + "/s)";
            verdicts.add(new Verdict(body + ": POST→2xx p99 ≤ 25 ms" + load, post + " ms", post <= 25));
            verdicts.add(new Verdict(body + ": 2xx→topic p99 ≤ 250 ms" + load, topic + " ms", topic <= 250));
        });
        open.stream().filter(run -> number(run.get("fractionOfMaximum")) == 0.25).findFirst().ifPresent(quarter -> {
            double atQuarter = number(quarter.get("cpuSecondsPer1000"));
            double atMaximum = number(closed.get("cpuSecondsPer1000"));
            verdicts.add(new Verdict(body + ": gateway CPU per report at a quarter of the maximum ≤ 2 × at the maximum",
                    atQuarter + " vs " + atMaximum + " s/1000 = " + Math.round(atQuarter / atMaximum * 100) / 100.0
                            + " ×",
                    atQuarter <= 2 * atMaximum));
        });
        double heap = number(closed.get("peakHeapMiB"));
        double rss = number(closed.get("peakRssMiB"));
        verdicts.add(new Verdict(body + ": heap ≤ 256 MB and RSS ≤ 512 MB at the maximum rate",
                Math.round(heap) + " MiB heap, " + Math.round(rss) + " MiB RSS", heap <= 256 && rss <= 512));
        List<Map<String, Object>> runs = new ArrayList<>(open);
        runs.add(closed);
        long lost = runs.stream().mapToLong(run -> (long) number(run.get("lost"))).sum();
        long duplicated = runs.stream().mapToLong(run -> (long) number(run.get("duplicated"))).sum();
        verdicts.add(new Verdict(body + ": zero lost and zero duplicated report ids in every run",
                lost + " lost, " + duplicated + " duplicated", lost == 0 && duplicated == 0));
    }

    /** The verdicts as a Markdown table. */
    static String markdown(List<Verdict> verdicts) {
        StringBuilder md = new StringBuilder("| goal | measured | met |\n| --- | ---: | :---: |\n");
        verdicts.forEach(v -> md.append("| ").append(v.goal()).append(" | ").append(v.measured()).append(" | ")
                .append(v.met() ? "yes" : "**no**").append(" |\n"));
        return md.toString();
    }

    private static double number(Object value) {
        return value == null ? Double.NaN : ((Number) value).doubleValue();
    }
}
