package org.tipline.bench;

import java.util.List;
import java.util.Map;

/** The results of a run as Markdown: the machine, one table per scenario, then the verdicts on the targets. */
final class ResultsTable {

    private ResultsTable() {
    }

    /** {@code document} with its results section and its targets section replaced by this run's. */
    static String publish(String document, Map<String, Object> results) {
        String published = MarkedSections.replace(document, "results", tables(results));
        return MarkedSections.replace(published, "targets", Targets.markdown(Targets.judge(results)));
    }

    /** Everything: the tables and the verdicts. */
    static String markdown(Map<String, Object> results) {
        return tables(results) + "### Against the targets\n\n" + Targets.markdown(Targets.judge(results));
    }

    @SuppressWarnings("unchecked")
    private static String tables(Map<String, Object> results) {
        StringBuilder md = new StringBuilder();
        Map<String, Object> machine = (Map<String, Object>) results.get("machine");
        md.append("Run of ").append(results.get("startedAt")).append(" on ").append(machine.get("cores"))
                .append(" cores (").append(machine.get("cpu")).append("), ").append(machine.get("memoryGiB"))
                .append(" GiB, ").append(machine.get("java")).append("; ").append(results.get("servers"))
                .append("; gateway JVM options ").append(results.get("gatewayJvmOptions")).append(".\n\n");
        if (results.get("intake") instanceof Map<?, ?> intake) {
            intake(md, (List<Map<String, Object>>) intake.get("runs"));
        }
        if (results.get("audit-query") instanceof Map<?, ?> audit) {
            auditQuery(md, (Map<String, Object>) audit);
        }
        return md.toString();
    }

    @SuppressWarnings("unchecked")
    private static void intake(StringBuilder md, List<Map<String, Object>> sizes) {
        md.append("### Intake: POST /v1/reports?finish=true to delivered on the intake topics\n\n")
                .append("| body | load | accepted/s | delivered/s | vs Kafka | vs PostgreSQL | POST→2xx p50 / p95 / p99")
                .append(" / p99.9 ms | 2xx→topic p50 / p99 / p99.9 ms | lost | dup | refused | CPU s/1000 |")
                .append(" heap MiB | RSS MiB |\n")
                .append("| ---: | --- | ---: | ---: | ---: | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: |")
                .append(" ---: |\n");
        eachRun(sizes, (body, load, run) -> run(md, body, load, run));
        md.append(
                "\nWhere the machine's CPU went, in CPU seconds per 1,000 accepted reports (the harness runs the load")
                .append(" generator, the delivery consumer and, with the local stack, the Kafka broker; of the gateway's, its")
                .append(" JIT compilers, which the warm-up lets settle first):\n\n")
                .append("| body | load | gateway | of which JIT | PostgreSQL | harness and broker | whole machine |\n")
                .append("| ---: | --- | ---: | ---: | ---: | ---: | ---: |\n");
        eachRun(sizes, (body, load, run) -> cpu(md, body, load, run));
        md.append("\nBaselines on the same servers (records of the body's size):\n\n")
                .append("| body | Kafka producer, acks=all, idempotent | PostgreSQL, 1 row per transaction |\n")
                .append("| ---: | ---: | ---: |\n");
        for (Map<String, Object> size : sizes) {
            Map<String, Object> kafka = (Map<String, Object>) size.get("kafkaBaseline");
            Map<String, Object> postgres = (Map<String, Object>) size.get("postgresBaseline");
            md.append("| ").append(kafka.get("recordBytes")).append(" B | ").append(kafka.get("perSecond"))
                    .append(" records/s | ").append(postgres.get("perSecond")).append(" rows/s (")
                    .append(postgres.get("clients")).append(" clients) |\n");
        }
        md.append('\n');
    }

    /** What a table row is made from: the body, the load and the run's results. */
    @FunctionalInterface
    private interface RowWriter {

        void write(String body, String load, Map<String, Object> run);
    }

    /** Every run of every size, closed loop first, labelled with its body and load. */
    @SuppressWarnings("unchecked")
    private static void eachRun(List<Map<String, Object>> sizes, RowWriter writer) {
        for (Map<String, Object> size : sizes) {
            Map<String, Object> closed = (Map<String, Object>) size.get("closedLoop");
            writer.write(bodyLabel(size), "closed, " + closed.get("clients") + " clients", closed);
            for (Map<String, Object> open : (List<Map<String, Object>>) size.get("openLoop")) {
                writer.write(bodyLabel(size), "open, " + open.get("targetPerSecond") + "/s", open);
            }
        }
    }

    /** A size's average body, e.g. {@code 2.0 KB}. */
    static String bodyLabel(Map<String, Object> size) {
        return Math.round(((Number) size.get("bodyBytes")).doubleValue() / 1024 * 10) / 10.0 + " KB";
    }

    @SuppressWarnings("unchecked")
    private static void cpu(StringBuilder md, String body, String load, Map<String, Object> run) {
        Map<String, Object> parts = (Map<String, Object>) run.getOrDefault("cpuSecondsPer1000ByPart", Map.of());
        md.append("| ").append(body).append(" | ").append(load).append(" | ").append(parts.get("gateway"))
                .append(" | ").append(parts.get("jit")).append(" | ").append(parts.get("postgres")).append(" | ")
                .append(parts.get("harness")).append(" | ")
                .append(parts.get("machine")).append(" |\n");
    }

    @SuppressWarnings("unchecked")
    private static void run(StringBuilder md, String body, String load, Map<String, Object> run) {
        Map<String, Object> post = (Map<String, Object>) run.get("postTo2xx");
        Map<String, Object> topic = (Map<String, Object>) run.get("answerToTopic");
        md.append("| ").append(body).append(" | ").append(load).append(" | ").append(run.get("acceptedPerSecond"))
                .append(" | ").append(run.get("deliveredPerSecond")).append(" | ")
                .append(run.getOrDefault("deliveredVsKafka", "")).append(" | ")
                .append(run.getOrDefault("deliveredVsPostgres", "")).append(" | ").append(post.get("p50Ms"))
                .append(" / ").append(post.get("p95Ms")).append(" / ").append(post.get("p99Ms")).append(" / ")
                .append(post.get("p999Ms")).append(" | ").append(topic.get("p50Ms")).append(" / ")
                .append(topic.get("p99Ms")).append(" / ").append(topic.get("p999Ms")).append(" | ")
                .append(run.get("lost")).append(" | ").append(run.get("duplicated")).append(" | ")
                .append(run.get("refused")).append(" | ").append(run.get("cpuSecondsPer1000")).append(" | ")
                .append(run.get("peakHeapMiB")).append(" | ").append(run.get("peakRssMiB")).append(" |\n");
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
