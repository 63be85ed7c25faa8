package org.tipline.gateway.platform.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;

/**
 * Runs units of work in PostgreSQL transactions on the Agroal pool. A unit either commits whole or not at all;
 * deadlocks and serialization failures are retried, an unreachable database becomes
 * {@link LedgerUnavailableException} ({@link AmbiguousCommitException} when it was lost during the commit itself), any
 * other SQL failure {@link LedgerException}.
 */
@ApplicationScoped
public class Database {

    private static final Logger LOGGER = Logger.getLogger(Database.class);
    private static final int ATTEMPTS = 3;

    private final AgroalDataSource dataSource;

    Database(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Runs {@code work} in one transaction and returns its result once committed. */
    public <T> T inTransaction(TransactionWork<T> work) {
        for (int attempt = 1;; attempt++) {
            try {
                return runOnce(work);
            } catch (SQLException e) {
                if (attempt < ATTEMPTS && SqlStates.isRetryable(e)) {
                    LOGGER.debugf("Retrying a transaction after SQL state %s", e.getSQLState());
                    continue;
                }
                throw SqlStates.translate(e);
            }
        }
    }

    /**
     * Runs {@code work} in one transaction that first takes the transaction-level advisory lock {@code lockKey}: how a
     * single writer among several instances is elected, round by round. Empty, having done nothing, when another
     * transaction (usually another instance) holds the lock; the lock ends with the transaction.
     */
    public <T> Optional<T> inTransactionHolding(long lockKey, TransactionWork<T> work) {
        return inTransaction(connection -> tryLock(connection, lockKey)
                ? Optional.ofNullable(work.run(connection))
                : Optional.empty());
    }

    private static boolean tryLock(Connection connection, long lockKey) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, lockKey);
            try (ResultSet row = lock.executeQuery()) {
                row.next();
                return row.getBoolean(1);
            }
        }
    }

    /** Runs {@code work} on a connection in auto-commit mode (single statements, reads). */
    public <T> T withConnection(TransactionWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw SqlStates.translate(e);
        }
    }

    private <T> T runOnce(TransactionWork<T> work) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                commit(connection);
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollbackQuietly(connection);
                throw e;
            }
        }
    }

    /** A commit whose connection fails cannot be known to have failed: {@link AmbiguousCommitException}. */
    private static void commit(Connection connection) throws SQLException {
        try {
            connection.commit();
        } catch (SQLException e) {
            if (SqlStates.isUnavailable(e)) {
                throw new AmbiguousCommitException(e);
            }
            throw e;
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOGGER.debugf("Rollback failed with SQL state %s", e.getSQLState());
        }
    }

    /** Work done on a connection inside a transaction. */
    @FunctionalInterface
    public interface TransactionWork<T> {

        T run(Connection connection) throws SQLException;
    }
}
