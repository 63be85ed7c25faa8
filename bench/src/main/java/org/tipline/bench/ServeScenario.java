package org.tipline.bench;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gateway on the bench's servers for an outside load generator, so the harness's numbers can be checked with a
 * client it does not control (wrk): registers a synthetic platform, writes its key, the intake scenario's synthetic
 * reports (the same mix of destinations) and a wrk script under {@code <out>/serve/}, prints the command, and while it
 * serves reports what the ledger itself records:
 * reports accepted, reports forwarded to every destination, and the delivered rate from the ledger's own timestamps
 * (first submission to last forwarding). Nothing of the harness's load generator or delivery consumer runs.
 */
final class ServeScenario {

    /** Reports, those forwarded to every destination, the first submission and the last forwarding. */
    static final String LEDGER_QUERY = """
            SELECT count(*), count(delivered), min(submitted_at), max(delivered)
              FROM (SELECT r.submitted_at,
                           CASE WHEN bool_and(d.forwarded_at IS NOT NULL) THEN max(d.forwarded_at) END AS delivered
                      FROM report r JOIN delivery d ON d.report_id = r.id
                     WHERE r.state = 'SUBMITTED'
                     GROUP BY r.id, r.submitted_at) AS per_report""";

    private static final Duration TICK = Duration.ofSeconds(10);

    private final GatewayApi api;
    private final GatewayProcess gateway;
    private final BenchEnvironment environment;
    private final Path folder;
    private final int size;
    private final Duration serveFor;

    ServeScenario(GatewayApi api, GatewayProcess gateway, BenchEnvironment environment, Path out, int size,
            Duration serveFor) {
        this.api = api;
        this.gateway = gateway;
        this.environment = environment;
        this.folder = out.resolve("serve");
        this.size = size;
        this.serveFor = serveFor;
    }

    Map<String, Object> run() throws Exception {
        Files.createDirectories(folder);
        Path key = folder.resolve("platform-key");
        Files.writeString(key, api.newPlatform("bench-serve", List.of("US_NCMEC", "UK_NCA")));
        Path body = folder.resolve("reports.ndjson");
        Files.write(body, ndjson(new SyntheticReportBodies(size).bodies(IntakeBenchmark.BODIES, size)));
        Path script = folder.resolve("post-report.lua");
        try (InputStream lua = ServeScenario.class.getResourceAsStream("/wrk/post-report.lua")) {
            Files.write(script, lua.readAllBytes());
        }
        Files.writeString(folder.resolve("url"), gateway.base().toString());
        Progress.say("serve: the gateway listens on %s for %s; file reports from another terminal, e.g.%n"
                + "  KEY=$(cat %s) REPORTS=%s wrk -t2 -c16 -d60s -s %s $(cat %s)%n"
                + "the ledger's own count follows every %d s (rates over the last %d s, so a warm-up run can go first)",
                gateway.base(), serveFor, key, body, script, folder.resolve("url"), TICK.toSeconds(),
                TICK.toSeconds());
        Instant end = Instant.now().plus(serveFor);
        Map<String, Object> last = ledger();
        long lastAt = System.nanoTime();
        while (Instant.now().isBefore(end)) {
            Thread.sleep(Math.min(TICK.toMillis(), Math.max(1, Duration.between(Instant.now(), end).toMillis())));
            Map<String, Object> now = ledger();
            long nowAt = System.nanoTime();
            if (!now.equals(last)) {
                Progress.say("serve: %s; over the last %.0f s: %s", now, (nowAt - lastAt) / 1e9,
                        rates(last, now, Duration.ofNanos(nowAt - lastAt)));
            }
            last = now;
            lastAt = nowAt;
        }
        return last;
    }

    /** The reports one per line (compact JSON has no line break), for the wrk script to take in turn. */
    static byte[] ndjson(List<byte[]> bodies) {
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        for (byte[] body : bodies) {
            for (byte b : body) {
                if (b == '\n' || b == '\r') {
                    throw new IllegalArgumentException("a report body spans lines");
                }
            }
            lines.writeBytes(body);
            lines.write('\n');
        }
        return lines.toByteArray();
    }

    /** Accepted and delivered reports a second between two counts of the ledger. */
    static String rates(Map<String, Object> before, Map<String, Object> after, Duration between) {
        double seconds = between.toNanos() / 1e9;
        return String.format("%d accepted/s, %d delivered/s",
                Math.round(((long) after.get("accepted") - (long) before.get("accepted")) / seconds),
                Math.round(((long) after.get("delivered") - (long) before.get("delivered")) / seconds));
    }

    private Map<String, Object> ledger() throws SQLException {
        try (Connection connection = environment.applicationConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(LEDGER_QUERY)) {
            row.next();
            return summary(row.getLong(1), row.getLong(2), instant(row, 3), instant(row, 4));
        }
    }

    /** The ledger's count, with the delivered rate over the span from first submission to last forwarding. */
    static Map<String, Object> summary(long accepted, long delivered, Instant firstSubmitted, Instant lastDelivered) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("accepted", accepted);
        summary.put("delivered", delivered);
        if (firstSubmitted != null && lastDelivered != null && lastDelivered.isAfter(firstSubmitted)) {
            double seconds = Duration.between(firstSubmitted, lastDelivered).toNanos() / 1e9;
            summary.put("seconds", Math.round(seconds * 10) / 10.0);
            summary.put("deliveredPerSecond", Math.round(delivered / seconds));
        }
        return summary;
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        java.sql.Timestamp at = row.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
