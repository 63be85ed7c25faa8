package org.tipline.ncmec.filing;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.tipline.ncmec.filing.Filing.FileStep;
import org.tipline.ncmec.filing.Filing.Step;

/**
 * The filing progress in the connector's own PostgreSQL database: every change is committed before the connector
 * acts on it, so a crash at any point resumes from the last step that was recorded. Filings are claimed with a lease,
 * so several connector instances never work on the same one. SQL failures surface as {@link StoreException}.
 */
public final class FilingStore {

    private static final String COLUMNS = "message_id, report_id, kind, priority, received_at, envelope, step,"
            + " ncmec_report_id, outcome, outcome_reason, attempts";

    private final DataSource dataSource;

    public FilingStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Applies the migrations under {@code db/ncmec}. */
    public void migrate() {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/ncmec").load().migrate();
    }

    /** Stores a verified envelope as a new filing; false if one with that message id exists already. */
    public boolean receive(UUID messageId, UUID reportId, String kind, int priority, byte[] envelope, Instant now) {
        return run(connection -> update(connection, "INSERT INTO filing (message_id, report_id, kind, priority,"
                + " received_at, envelope, step, next_attempt_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'RECEIVED', ?, ?)"
                + " ON CONFLICT (message_id) DO NOTHING", messageId, reportId, kind, priority, now, envelope, now,
                now) == 1);
    }

    /** Claims the most urgent filing that is due and not claimed by another instance, for {@code lease}. */
    public Optional<Filing> claimNext(String instance, Duration lease, Instant now) {
        return run(connection -> {
            connection.setAutoCommit(false);
            try (PreparedStatement claim = prepare(connection, "UPDATE filing SET claimed_by = ?, claimed_until = ?"
                    + " WHERE message_id = (SELECT message_id FROM filing WHERE step <> 'DONE' AND next_attempt_at <= ?"
                    + " AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY priority, received_at LIMIT 1"
                    + " FOR UPDATE SKIP LOCKED) RETURNING message_id", instance, now.plus(lease), now, now);
                    ResultSet row = claim.executeQuery()) {
                UUID claimed = row.next() ? row.getObject(1, UUID.class) : null;
                connection.commit();
                return claimed == null ? Optional.<Filing>empty() : load(connection, claimed);
            }
        });
    }

    /** The filing with its files, as stored now. */
    public Filing load(UUID messageId) {
        return run(connection -> load(connection, messageId).orElseThrow(() -> new StoreException(
                "No filing " + messageId, null)));
    }

    /** Extends this instance's claim on a filing it is working on. */
    public void renew(UUID messageId, String instance, Duration lease, Instant now) {
        exec("UPDATE filing SET claimed_until = ? WHERE message_id = ? AND claimed_by = ?", now.plus(lease), messageId,
                instance);
    }

    /** Gives a claimed filing back. */
    public void release(UUID messageId) {
        exec("UPDATE filing SET claimed_by = NULL, claimed_until = NULL WHERE message_id = ?", messageId);
    }

    /** Records the step, a success: the attempts start again. */
    public void step(UUID messageId, Step step) {
        exec("UPDATE filing SET step = ?, attempts = 0, last_problem = NULL, updated_at = now() WHERE message_id = ?",
                step.name(), messageId);
    }

    /** The report is open at NCMEC as {@code ncmecReportId}; its files wait, in order. */
    public void submitted(UUID messageId, long ncmecReportId, List<UUID> files) {
        run(connection -> {
            connection.setAutoCommit(false);
            update(connection, "DELETE FROM filing_file WHERE message_id = ?", messageId);
            for (int i = 0; i < files.size(); i++) {
                update(connection, "INSERT INTO filing_file (message_id, position, gateway_file_id, step)"
                        + " VALUES (?, ?, ?, 'PENDING')", messageId, i, files.get(i));
            }
            update(connection, "UPDATE filing SET step = 'SUBMITTED', ncmec_report_id = ?, attempts = 0,"
                    + " last_code = 0, last_problem = NULL, updated_at = now() WHERE message_id = ?", ncmecReportId,
                    messageId);
            connection.commit();
            return null;
        });
    }

    public void fileStep(UUID messageId, int position, FileStep step, String ncmecFileId, String md5) {
        exec("UPDATE filing_file SET step = ?, ncmec_file_id = coalesce(?, ncmec_file_id), md5 = coalesce(?, md5)"
                + " WHERE message_id = ? AND position = ?", step.name(), ncmecFileId, md5, messageId, position);
    }

    /**
     * Starts over with a new CyberTipline report: the current one ({@code abandoned}, if known) was retracted or will
     * expire unfinished.
     */
    public void startOver(UUID messageId, Long abandoned, String problem) {
        run(connection -> {
            connection.setAutoCommit(false);
            update(connection, "DELETE FROM filing_file WHERE message_id = ?", messageId);
            update(connection, "UPDATE filing SET step = 'RECEIVED', ncmec_report_id = NULL, abandoned_report_ids ="
                    + " CASE WHEN ?::bigint IS NULL THEN abandoned_report_ids ELSE abandoned_report_ids || ?::bigint END,"
                    + " last_problem = ?, updated_at = now() WHERE message_id = ?", abandoned, abandoned, problem,
                    messageId);
            connection.commit();
            return null;
        });
    }

    /** The current report is to be retracted, then filed again ({@code refusal} null) or refused. */
    public void retracting(UUID messageId, String refusal, String problem) {
        exec("UPDATE filing SET step = 'RETRACTING', outcome = CASE WHEN ?::text IS NULL THEN NULL ELSE 'REJECTED' END,"
                + " outcome_reason = ?, last_problem = ?, updated_at = now() WHERE message_id = ?", refusal, refusal,
                problem, messageId);
    }

    /** NCMEC refused the payload (and any open report is retracted): the gateway is told next. */
    public void refused(UUID messageId, String reason) {
        exec("UPDATE filing SET step = 'REFUSED', outcome = 'REJECTED', outcome_reason = ?, updated_at = now()"
                + " WHERE message_id = ?", reason, messageId);
    }

    /** Finished at NCMEC; a REPORT keeps what its follow-ups must repeat. */
    public void finished(UUID messageId, byte[] followUpBasis, Instant at) {
        exec("UPDATE filing SET step = 'FINISHED', outcome = 'ACCEPTED', follow_up_basis = ?, finished_at = ?,"
                + " attempts = 0, last_problem = NULL, updated_at = now() WHERE message_id = ?", followUpBasis, at,
                messageId);
    }

    /** Nothing more to do; the envelope (report content) is dropped. */
    public void done(UUID messageId) {
        exec("UPDATE filing SET step = 'DONE', envelope = NULL, updated_at = now() WHERE message_id = ?", messageId);
    }

    /** Nothing will be filed for this envelope, for {@code reason}. */
    public void skipped(UUID messageId, String reason) {
        exec("UPDATE filing SET step = 'DONE', outcome = 'SKIPPED', outcome_reason = ?, envelope = NULL,"
                + " updated_at = now() WHERE message_id = ?", reason, messageId);
    }

    /** The step failed or must wait: try again at {@code next}. {@code problem} never contains content. */
    public void retryAt(UUID messageId, Integer code, String problem, Instant next) {
        exec("UPDATE filing SET attempts = attempts + 1, last_code = coalesce(?, last_code), last_problem = ?,"
                + " next_attempt_at = ?, updated_at = now() WHERE message_id = ?", code, problem, next, messageId);
    }

    /** The CyberTipline id and follow-up basis of report {@code reportId}, if it was filed (finished) already. */
    public Optional<Original> original(UUID reportId) {
        return run(connection -> {
            try (PreparedStatement select = prepare(connection, "SELECT ncmec_report_id, follow_up_basis, outcome FROM"
                    + " filing WHERE report_id = ? AND kind = 'REPORT' ORDER BY received_at LIMIT 1", reportId);
                    ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.<Original>empty();
                }
                String outcome = row.getString(3);
                return Optional.of(new Original(outcome == null ? null : outcome, (Long) row.getObject(1),
                        row.getBytes(2)));
            }
        });
    }

    /** The original report of a follow-up: its outcome so far, CyberTipline id and follow-up basis. */
    public record Original(String outcome, Long ncmecReportId, byte[] followUpBasis) {
    }

    /** How many filings are at each step. */
    public Map<Step, Long> countsByStep() {
        return run(connection -> {
            Map<Step, Long> counts = new EnumMap<>(Step.class);
            try (PreparedStatement select = prepare(connection, "SELECT step, count(*) FROM filing GROUP BY step");
                    ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    counts.put(Step.valueOf(row.getString(1)), row.getLong(2));
                }
            }
            return counts;
        });
    }

    private Optional<Filing> load(Connection connection, UUID messageId) throws SQLException {
        List<Filing.FilingFile> files = new ArrayList<>();
        try (PreparedStatement select = prepare(connection, "SELECT position, gateway_file_id, step, ncmec_file_id,"
                + " md5 FROM filing_file WHERE message_id = ? ORDER BY position", messageId);
                ResultSet row = select.executeQuery()) {
            while (row.next()) {
                files.add(new Filing.FilingFile(row.getInt(1), row.getObject(2, UUID.class),
                        FileStep.valueOf(row.getString(3)), row.getString(4), row.getString(5)));
            }
        }
        try (PreparedStatement select = prepare(connection, "SELECT " + COLUMNS + " FROM filing WHERE message_id = ?",
                messageId); ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                return Optional.empty();
            }
            return Optional.of(new Filing(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                    row.getString(3), row.getInt(4), row.getTimestamp(5).toInstant(), row.getBytes(6),
                    Step.valueOf(row.getString(7)), (Long) row.getObject(8), row.getString(9), row.getString(10),
                    row.getInt(11), files));
        }
    }

    private void exec(String sql, Object... parameters) {
        run(connection -> update(connection, sql, parameters));
    }

    private static int update(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            Object parameter = parameters[i];
            if (parameter instanceof Instant instant) {
                statement.setTimestamp(i + 1, Timestamp.from(instant));
            } else if (parameter instanceof Array array) {
                statement.setArray(i + 1, array);
            } else {
                statement.setObject(i + 1, parameter);
            }
        }
        return statement;
    }

    private <T> T run(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("The progress store failed (SQL state " + e.getSQLState() + ")", e);
        }
    }

    @FunctionalInterface
    private interface Work<T> {

        T run(Connection connection) throws SQLException;
    }

    /** The progress store could not be read or written; nothing was acted on. */
    public static final class StoreException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        StoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
