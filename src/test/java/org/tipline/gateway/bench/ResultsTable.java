package org.tipline.gateway.bench;

import java.util.List;
import java.util.Map;

/** The results of a run as Markdown: the machine, then one table per scenario. */
final class ResultsTable {

    private ResultsTable() {
    }

    @SuppressWarnings("unchecked")
    static String markdown(Map<String, Object> results) {
        StringBuilder md = new StringBuilder();
        Map<String, Object> machine = (Map<String, Object>) results.get("machine");
        md.append("Run of ").append(results.get("startedAt")).append(" on ").append(machine.get("cores"))
                .append(" cores (").append(machine.get("cpu")).append("), ").append(machine.get("memoryGiB"))
                .append(" GiB, ").append(machine.get("java")).append("; ").append(results.get("servers"))
                .append(".\n\n");
        if (results.get("audit-query") instanceof Map<?, ?> audit) {
            auditQuery(md, (Map<String, Object>) audit);
        }
        return md.toString();
    }

    @SuppressWarnings("unchecked")
    private static void auditQuery(StringBuilder md, Map<String, Object> audit) {
        md.append("### Audit query by reportId over ").append(audit.get("logSize")).append(" events\n\n")
                .append("Seeded ").append(audit.get("seededEvents")).append(" events through the inbox; the")
                .append(" gateway's sequencer logged them at ").append(audit.get("sequencedEventsPerSecond"))
                .append(" events/s.\n\n")
                .append("| clients | queries/s | p50 ms | p95 ms | p99 ms | p99.9 ms | max ms |\n")
                .append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Map<String, Object> run : (List<Map<String, Object>>) audit.get("runs")) {
            md.append("| ").append(run.get("concurrency")).append(" | ").append(run.get("queriesPerSecond"))
                    .append(" | ").append(run.get("p50Ms")).append(" | ").append(run.get("p95Ms")).append(" | ")
                    .append(run.get("p99Ms")).append(" | ").append(run.get("p999Ms")).append(" | ")
                    .append(run.get("maxMs")).append(" |\n");
        }
        md.append('\n');
    }
}
