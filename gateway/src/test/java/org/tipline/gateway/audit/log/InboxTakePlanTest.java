package org.tipline.gateway.audit.log;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.tipline.gateway.platform.db.Database;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sequencer's take from the inbox stays one pass over the batch however wrong the planner's statistics are. The
 * inbox is a queue: a VACUUM that finds it drained leaves statistics of about one row on many pages, and a backlog
 * built by the next burst is then planned as if the inbox were empty. The take is run here, exactly as the sequencer
 * runs it, on a session's own inbox (a temporary table of the same definition, which shadows the real one) brought
 * into that state.
 */
@QuarkusTest
class InboxTakePlanTest {

    private static final int BACKLOG = 4_000;
    private static final int BATCH = 1_000;

    @Inject
    Database database;

    @Inject
    ObjectMapper mapper;

    @Test
    void aBacklogThePlannerBelievesEmptyIsTakenInOnePass() throws JsonProcessingException {
        String[] planAndStatistics = database.withConnection(connection -> {
            try (Statement sql = connection.createStatement()) {
                sql.execute("CREATE TEMP TABLE audit_inbox (LIKE public.audit_inbox INCLUDING ALL)");
                try {
                    fill(sql);
                    sql.execute("DELETE FROM audit_inbox WHERE id < (SELECT max(id) FROM audit_inbox)");
                    sql.execute("VACUUM audit_inbox"); // drained: one row left, on the table's last page
                    fill(sql);
                    String statistics = statistics(connection);
                    return new String[]{explainTake(connection), statistics};
                } finally {
                    sql.execute("DROP TABLE pg_temp.audit_inbox");
                }
            }
        });

        assertThat(planAndStatistics[1]).as("the planner's rows and pages of the inbox").startsWith("1 ");
        JsonNode plan = mapper.readTree(planAndStatistics[0]).get(0).get("Plan");
        assertThat(plan.get("Actual Rows").asDouble()).isEqualTo(BATCH);
        List<JsonNode> nodes = new ArrayList<>();
        collect(plan, nodes);
        assertThat(nodes.stream().filter(node -> node.get("Actual Loops").asDouble() > 1).map(node -> node.get(
                "Node Type").asText() + " run " + node.get("Actual Loops").asText() + " times"))
                .as("plan nodes run more than once").isEmpty();
    }

    private static void fill(Statement sql) throws SQLException {
        sql.execute("INSERT INTO audit_inbox (at, type, actor_id, actor_role, details) SELECT now(), 'test.backlog',"
                + " 'system:test', 'system', jsonb_build_object('n', n) FROM generate_series(1, " + BACKLOG + ") n");
    }

    private static String statistics(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement();
                ResultSet row = sql.executeQuery("SELECT reltuples::bigint || ' ' || relpages FROM pg_class"
                        + " WHERE oid = 'pg_temp.audit_inbox'::regclass")) {
            row.next();
            return row.getString(1);
        }
    }

    /** The sequencer's take, executed and explained in a transaction that is rolled back. */
    private static String explainTake(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try (PreparedStatement explain = connection.prepareStatement("EXPLAIN (ANALYZE, FORMAT JSON) "
                + AuditSequencer.TAKE)) {
            explain.setInt(1, BATCH);
            try (ResultSet row = explain.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    private static void collect(JsonNode node, List<JsonNode> into) {
        into.add(node);
        node.path("Plans").forEach(child -> collect(child, into));
    }
}
