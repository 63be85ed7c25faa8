package org.tipline.gateway.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

import org.tipline.gateway.platform.db.Database;
import org.tipline.gateway.platform.db.QueueScans;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a statement on one of the ledger's queue tables (the outbox, the audit inbox) is executed, whatever the
 * planner believes about the queue. A queue is drained and refilled all day: a VACUUM that finds it nearly empty
 * leaves statistics of about one row on many pages, and a backlog built by the next burst is then planned as if the
 * queue were empty. The statement runs, exactly as the gateway runs it, on a session's own copy of the table (a
 * temporary table of the same definition, which shadows the real one in that session) brought into either state.
 * {@link #rowsVisitedOnCopies} does the same for any tables in any state (the audit log, for one).
 */
public final class QueuePlans {

    /** Which statistics the planner has of the refilled queue. */
    public enum Statistics {
        /** What a VACUUM of the drained queue left: about one row. */
        DRAINED,
        /** Fresh: the queue analyzed after it was refilled. */
        ANALYZED,
        /**
         * What an ANALYZE of the drained queue left (about one row), with a backlog consumed since then and not yet
         * vacuumed (dead rows, below the new backlog's ids) before the refill: between two runs of autovacuum.
         */
        CHURNED
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private QueuePlans() {
    }

    /** What a test does to the session's copies before the statement runs. */
    @FunctionalInterface
    public interface Setup {

        void on(Statement session) throws SQLException;
    }

    /**
     * Shadows {@code tables} in {@code connection}'s session with copies of the same definition, brings them into the
     * wanted state with {@code setUp}, executes {@code sql} with {@code parameters} under EXPLAIN ANALYZE in a
     * transaction that is rolled back, drops the copies and returns how many rows all plan nodes produced together
     * (each node's rows, and those its filters threw away, times its loops): the work the statement did.
     */
    public static long rowsVisitedOnCopies(Connection connection, List<String> tables, Setup setUp, String sql,
            Object... parameters) throws SQLException {
        return rowsVisitedOnCopies(connection, tables, setUp, null, sql, parameters);
    }

    /**
     * The same, with {@code prelude} (statements the gateway runs before {@code sql} in its transaction, null for
     * none) run first in the transaction of the EXPLAIN.
     */
    private static long rowsVisitedOnCopies(Connection connection, List<String> tables, Setup setUp, String prelude,
            String sql, Object... parameters) throws SQLException {
        try (Statement session = connection.createStatement()) {
            for (String table : tables) {
                session.execute("CREATE TEMP TABLE " + table + " (LIKE public." + table + " INCLUDING ALL)");
            }
            try {
                setUp.on(session);
                return visited(explain(connection, prelude, sql, parameters));
            } finally {
                session.execute("DROP TABLE " + String.join(", ", tables.stream().map(t -> "pg_temp." + t).toList()));
            }
        }
    }

    /** Asserts that a statement visited at most five rows per row of its batch: about its batch, not the table. */
    public static void assertWithinBatch(long visited, int batch, String description, Object... arguments) {
        assertThat(visited).as(description, arguments).isLessThanOrEqualTo(5L * batch);
    }

    /**
     * The queue {@code table} filled with {@code fill} (an INSERT), drained, filled again and left with the given
     * statistics, then {@code sql} run on it as {@link #rowsVisitedOnCopies} does.
     */
    private static long rowsVisited(Connection connection, String table, String fill, Statistics statistics,
            String prelude, String sql, Object... parameters) throws SQLException {
        String drain = "DELETE FROM " + table + " WHERE id < (SELECT max(id) FROM " + table + ")";
        return rowsVisitedOnCopies(connection, List.of(table), session -> {
            session.execute(fill);
            session.execute(drain);
            session.execute("VACUUM " + table); // one row left, on the last page: the pages stay
            if (statistics == Statistics.CHURNED) {
                session.execute("ANALYZE " + table);
                session.execute(fill);
                session.execute(drain); // consumed, dead until the next VACUUM
            }
            session.execute(fill);
            if (statistics == Statistics.ANALYZED) {
                session.execute("ANALYZE " + table);
            } else if (plannedRows(session, table) > 10) {
                throw new IllegalStateException("the planner was not left believing " + table + " empty");
            }
        }, prelude, sql, parameters);
    }

    /**
     * Asserts that {@code sql} (its last parameter the batch size), run as the gateway runs a queue statement (after
     * {@link QueueScans#INDEX_SCANS_ONLY}, in its transaction), visits at most five rows per row of its batch on the
     * backlog {@code fill} inserts, with the given statistics: it reads about its batch, not the backlog.
     */
    public static void assertReadsItsBatch(Database database, String table, String fill, int batch,
            Statistics statistics, String sql, Object... parametersBeforeTheBatch) {
        Object[] parameters = Arrays.copyOf(parametersBeforeTheBatch, parametersBeforeTheBatch.length + 1);
        parameters[parameters.length - 1] = batch;
        long visited = database.withConnection(connection -> rowsVisited(connection, table, fill, statistics,
                QueueScans.INDEX_SCANS_ONLY, sql, parameters));
        assertWithinBatch(visited, batch, "rows visited for a batch of %d in %s (%s statistics)", batch, table,
                statistics);
    }

    private static long plannedRows(Statement session, String table) throws SQLException {
        try (ResultSet row = session.executeQuery("SELECT reltuples::bigint FROM pg_class WHERE oid = 'pg_temp."
                + table + "'::regclass")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static JsonNode explain(Connection connection, String prelude, String sql, Object... parameters)
            throws SQLException {
        connection.setAutoCommit(false);
        if (prelude != null) {
            try (Statement first = connection.createStatement()) {
                first.execute(prelude);
            }
        }
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN (ANALYZE, FORMAT JSON) " + sql)) {
            for (int i = 0; i < parameters.length; i++) {
                explain.setObject(i + 1, parameters[i]);
            }
            try (ResultSet row = explain.executeQuery()) {
                row.next();
                return MAPPER.readTree(row.getString(1)).get(0).get("Plan");
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    /** The rows a plan node produced and those it read and threw away, over all its loops, with its children's. */
    private static long visited(JsonNode node) {
        double read = node.get("Actual Rows").asDouble() + node.path("Rows Removed by Filter").asDouble()
                + node.path("Rows Removed by Index Recheck").asDouble() + node.path("Rows Removed by Join Filter")
                        .asDouble();
        long rows = Math.round(read * node.get("Actual Loops").asDouble());
        for (JsonNode child : node.path("Plans")) {
            rows += visited(child);
        }
        return rows;
    }
}
