package org.tipline.bench;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.postgresql.PGConnection;

/**
 * Fills the audit log with synthetic events the way the gateway does: COPY into {@code audit_inbox} as the application
 * role, then the gateway's own sequencer numbers, hashes and signs them. Each synthetic report gets the ten events of
 * a typical life (opened, file uploaded and described, routed, submitted, forwarded to two destinations, evidence
 * accessed, acknowledged twice), interleaved with every other report's, so a report's events are spread over the log.
 */
final class AuditSeeder {

    static final int EVENTS_PER_REPORT = 10;
    private static final int COPY_BATCH = 50_000;

    private final Random random = new Random(5);

    /** What seeding took. */
    record Seeded(List<UUID> reportIds, long events, double copySeconds, double sequencedSeconds, long logSize) {
    }

    Seeded seed(BenchEnvironment environment, long events) throws SQLException, IOException, InterruptedException {
        int reports = (int) Math.max(1, events / EVENTS_PER_REPORT);
        List<UUID> reportIds = new ArrayList<>(reports);
        for (int i = 0; i < reports; i++) {
            reportIds.add(new UUID(random.nextLong(), random.nextLong()));
        }
        try (Connection connection = environment.applicationConnection()) {
            long start = System.nanoTime();
            StringBuilder rows = new StringBuilder();
            long written = 0;
            for (int round = 0; round < EVENTS_PER_REPORT; round++) {
                List<Integer> order = shuffled(reports);
                for (int index : order) {
                    row(rows, round, reportIds.get(index), index);
                    if (++written % COPY_BATCH == 0) {
                        copy(connection, rows);
                    }
                }
            }
            copy(connection, rows);
            double copySeconds = seconds(start);
            long size = awaitSequenced(connection);
            return new Seeded(reportIds, written, copySeconds, seconds(start), size);
        }
    }

    private List<Integer> shuffled(int reports) {
        List<Integer> order = new ArrayList<>(reports);
        for (int i = 0; i < reports; i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        return order;
    }

    /** One event of a synthetic report's life, as a COPY text row. */
    private void row(StringBuilder rows, int round, UUID reportId, int index) {
        String platform = "bench-platform-" + (index % 100);
        String credential = new UUID(index % 100, 1).toString();
        String destination = round % 2 == 0 ? "ncmec" : "nca";
        String digest = HexFormat.of().formatHex(longs(reportId.getMostSignificantBits(), round));
        String[] event = switch (round) {
            case 0 -> new String[]{"report.opened", credential, "platform", null, "{\"batched\": false,"
                    + " \"contentDigest\": \"" + digest + "\", \"incidentType\": \"CHILD_SEXUAL_ABUSE_MATERIAL\","
                    + " \"priority\": \"P3_STANDARD\"}"};
            case 1 -> new String[]{"file.uploaded", credential, "platform", null, "{\"afterSubmission\": false,"
                    + " \"fileId\": \"" + new UUID(index, 7) + "\", \"sha256\": \"" + digest + "\", \"sizeBytes\":"
                    + " 204800}"};
            case 2 -> new String[]{"file.details_set", credential, "platform", null, "{\"annotations\": [],"
                    + " \"detailsDigest\": \"" + digest + "\", \"fileId\": \"" + new UUID(index, 7) + "\","
                    + " \"relevance\": \"REPORTED\"}"};
            case 3 -> new String[]{"file.uploaded", credential, "platform", null, "{\"afterSubmission\": false,"
                    + " \"fileId\": \"" + new UUID(index, 8) + "\", \"sha256\": \"" + digest + "\", \"sizeBytes\":"
                    + " 102400}"};
            case 4 -> new String[]{"report.submitted", credential, "platform", null, "{\"contentDigest\": \""
                    + digest + "\", \"destinations\": [\"nca\", \"ncmec\"], \"files\": [\"" + digest + "\"],"
                    + " \"receiptDigest\": \"" + digest + "\", \"rules\": {\"nca\": [\"uk-osa-s66\"], \"ncmec\":"
                    + " [\"us-2258a\"]}}"};
            case 5, 6 -> new String[]{"delivery.forwarded", "system:relay", "system", destination, "{\"kind\":"
                    + " \"REPORT\", \"messageId\": \"" + new UUID(index, round) + "\", \"offset\": " + index
                    + ", \"partition\": " + (index % 3) + ", \"topic\": \"tipline.intake." + destination + "\"}"};
            case 7 -> new String[]{"evidence.accessed", new UUID(9, 9).toString(), "intake", "ncmec", "{\"fileId\":"
                    + " \"" + new UUID(index, 7) + "\", \"sha256\": \"" + digest + "\"}"};
            default -> new String[]{"delivery.acknowledged", "system:ack-consumer", "system", destination,
                    "{\"externalReference\": \"SYNTHETIC-" + index + "\", \"source\": \"kafka\"}"};
        };
        rows.append(Instant.now()).append('\t').append(event[0]).append('\t').append(event[1]).append('\t')
                .append(event[2]).append('\t').append(platform).append('\t').append(reportId).append('\t')
                .append(event[3] == null ? "\\N" : event[3]).append('\t').append(event[4]).append('\n');
    }

    private static byte[] longs(long a, long b) {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(32);
        buffer.putLong(a).putLong(b).putLong(a ^ b).putLong(a + b);
        return buffer.array();
    }

    private static void copy(Connection connection, StringBuilder rows) throws SQLException, IOException {
        if (rows.length() == 0) {
            return;
        }
        connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY audit_inbox (at, type, actor_id, actor_role,"
                + " platform_id, report_id, destination, details) FROM STDIN", new StringReader(rows.toString()));
        rows.setLength(0);
    }

    /** Waits until the gateway's sequencer has moved every inbox row into the log; returns the log's size. */
    private static long awaitSequenced(Connection connection) throws SQLException {
        Awaitility.await("the sequencer logs the seeded events").atMost(Duration.ofMinutes(30))
                .pollInterval(Duration.ofMillis(200)).until(() -> count(connection, "audit_inbox") == 0);
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT coalesce(max(seq) + 1, 0) FROM audit_event")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT count(*) FROM " + table)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
