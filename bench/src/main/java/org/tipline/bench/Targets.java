package org.tipline.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The goals the gateway is measured against (issue 6, and the audit query of issue 5), judged from a run's results
 * so that no verdict is typed by hand. A goal whose scenario did not run is left out.
 */
final class Targets {

    /** One goal, what the run measured, and whether it was met. */
    record Verdict(String goal, String measured, boolean met) {
    }

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
        double ratio = number(closed.get("deliveredVsPostgres"));
        verdicts.add(new Verdict(body + ": delivered/s ≥ 50 % of the PostgreSQL baseline",
                closed.get("deliveredPerSecond") + "/s = " + Math.round(ratio * 100) + " %", ratio >= 0.5));
        List<Map<String, Object>> open = (List<Map<String, Object>>) size.get("openLoop");
        open.stream().filter(run -> number(run.get("fractionOfMaximum")) == 0.5).findFirst().ifPresent(half -> {
            double post = number(((Map<String, Object>) half.get("postTo2xx")).get("p99Ms"));
            double topic = number(((Map<String, Object>) half.get("answerToTopic")).get("p99Ms"));
            String load = " at half the maximum (" + half.get("targetPerSecond") + "/s)";
            verdicts.add(new Verdict(body + ": POST→2xx p99 ≤ 25 ms" + load, post + " ms", post <= 25));
            verdicts.add(new Verdict(body + ": 2xx→topic p99 ≤ 250 ms" + load, topic + " ms", topic <= 250));
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
