package org.tipline.gateway.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/** Direct superuser access to the test ledger, for tests that move time or play an attacker. */
public final class Ledger {

    private Ledger() {
    }

    public static Connection superuser() throws SQLException {
        return TestStack.get().postgres().orElseThrow().superuserConnection();
    }

    /** Moves a report's clock: as if it had been opened and last changed at the given times. */
    public static void backdate(String reportId, Instant openedAt, Instant updatedAt, Instant expiresAt)
            throws SQLException {
        try (Connection connection = superuser();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE report SET opened_at = ?, updated_at = ?, expires_at = ? WHERE id = ?")) {
            update.setObject(1, openedAt.atOffset(ZoneOffset.UTC));
            update.setObject(2, updatedAt.atOffset(ZoneOffset.UTC));
            update.setObject(3, expiresAt.atOffset(ZoneOffset.UTC));
            update.setObject(4, UUID.fromString(reportId));
            update.executeUpdate();
        }
    }
}
