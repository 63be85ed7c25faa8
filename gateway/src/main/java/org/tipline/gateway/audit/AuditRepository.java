package org.tipline.gateway.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import org.tipline.gateway.platform.db.Sql;
import org.tipline.gateway.trail.AuditActor;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the audit log: by sequence number, by filters with keyset pagination, and streamed for export. */
@ApplicationScoped
public class AuditRepository {

    /** The event's columns and its leaf hash, which lives in the tree (node level 0, index seq). */
    private static final String COLUMNS = "e.seq, e.at, e.type, e.actor_id, e.actor_role, e.platform_id, e.report_id,"
            + " e.destination, e.details::text, n.hash";
    /**
     * Events in the order of their index, each joined to its leaf by the tree's key. A plain join let the planner
     * start from the tree instead, join every leaf and sort them all for one page: without statistics it takes
     * {@code level = 0} to be rare, and even with them it merged the whole log (AuditFeedPlanTest). The lateral
     * subquery, fenced by {@code OFFSET 0}, cannot be planned so.
     */
    private static final String FROM = " FROM audit_event e JOIN LATERAL (SELECT hash FROM audit_tree_node"
            + " WHERE level = 0 AND idx = e.seq OFFSET 0) n ON true";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int EXPORT_FETCH = 1000;

    public Optional<AuditEvent> find(Connection connection, long seq) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + FROM
                + " WHERE e.seq = ?")) {
            select.setLong(1, seq);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(map(row)) : Optional.empty();
            }
        }
    }

    /** A statement and its parameters, in order. */
    record Select(String sql, List<Object> parameters) {
    }

    /** Up to {@code limit + 1} events matching the query, oldest first (the extra one announces a next page). */
    public List<AuditEvent> query(Connection connection, AuditQuery query) throws SQLException {
        Select statement = select(query);
        List<AuditEvent> events = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(statement.sql())) {
            bind(select, statement.parameters());
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    events.add(map(row));
                }
            }
        }
        return events;
    }

    /**
     * Streams events in sequence order to {@code sink}, in constant memory (a server-side cursor), optionally
     * limited to a time window. Needs a connection with auto-commit off.
     */
    public long export(Connection connection, Instant from, Instant to, Consumer<AuditEvent> sink)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + FROM + " WHERE true");
        List<Object> parameters = new ArrayList<>();
        add(sql, parameters, " AND e.at >= ?", from);
        add(sql, parameters, " AND e.at < ?", to);
        sql.append(" ORDER BY e.seq");
        long count = 0;
        try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
            select.setFetchSize(EXPORT_FETCH);
            bind(select, parameters);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    sink.accept(map(row));
                    count++;
                }
            }
        }
        return count;
    }

    /** The statement {@link #query} runs. */
    static Select select(AuditQuery query) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + FROM + " WHERE true");
        List<Object> parameters = new ArrayList<>();
        add(sql, parameters, " AND e.report_id = ?", query.reportId());
        add(sql, parameters, " AND e.platform_id = ?", query.platformId());
        add(sql, parameters, " AND e.actor_id = ?", query.actor());
        add(sql, parameters, " AND e.type = ?", query.type());
        add(sql, parameters, " AND e.at >= ?", query.from());
        add(sql, parameters, " AND e.at < ?", query.to());
        add(sql, parameters, " AND e.seq > ?", query.afterSeq());
        sql.append(" ORDER BY e.seq LIMIT ?");
        parameters.add(query.limit() + 1);
        return new Select(sql.toString(), parameters);
    }

    private static void add(StringBuilder sql, List<Object> parameters, String clause, Object value) {
        if (value != null) {
            sql.append(clause);
            parameters.add(value);
        }
    }

    private static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i) instanceof Instant instant) {
                Sql.setInstant(statement, i + 1, instant);
            } else {
                statement.setObject(i + 1, parameters.get(i));
            }
        }
    }

    static AuditEvent map(ResultSet row) throws SQLException {
        try {
            return new AuditEvent(row.getLong(1), Sql.getInstant(row, 2), row.getString(3),
                    new AuditActor(row.getString(4), row.getString(5)), row.getString(6),
                    row.getObject(7, UUID.class), row.getString(8), JSON.readTree(row.getString(9)),
                    Base64.getEncoder().encodeToString(row.getBytes(10)));
        } catch (IOException e) {
            throw new UncheckedIOException("Stored audit details are not JSON", e);
        }
    }
}
