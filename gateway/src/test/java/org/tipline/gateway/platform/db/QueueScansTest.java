package org.tipline.gateway.platform.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A queue statement is planned by index scans only, and the rest of its transaction as usual: the relay's
 * transaction goes on to read reports and evidence by other plans after its claim.
 */
@QuarkusTest
class QueueScansTest {

    @Inject
    Database database;

    @Test
    void theStatementRunsWithIndexScansOnlyAndTheTransactionGoesOnAsBefore() {
        List<String> during = database.inTransaction(connection -> QueueScans.indexScansOnly(connection,
                QueueScansTest::scanSettings));
        List<String> after = database.inTransaction(connection -> {
            QueueScans.indexScansOnly(connection, QueueScansTest::scanSettings);
            return scanSettings(connection);
        });

        assertThat(during).containsExactly("off", "off");
        assertThat(after).containsExactly("on", "on");
    }

    private static List<String> scanSettings(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT current_setting('enable_seqscan'),"
                        + " current_setting('enable_bitmapscan')")) {
            row.next();
            return List.of(row.getString(1), row.getString(2));
        }
    }
}
