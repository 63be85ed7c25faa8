package org.tipline.gateway.routing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.tipline.gateway.platform.db.Database;

/**
 * The reporting regimes a platform is registered under, as routing reads them. Platforms are only ever added, never
 * changed, so what was read is kept for {@link #FRESH_FOR} (in case an operator edits one in the database).
 */
@ApplicationScoped
public class PlatformRegistry {

    static final Duration FRESH_FOR = Duration.ofMinutes(1);
    private static final Logger LOGGER = Logger.getLogger(PlatformRegistry.class);

    private final Database database;
    private final Clock clock;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    PlatformRegistry(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** The platform's regimes, from what was read less than {@link #FRESH_FOR} ago or else from the ledger. */
    public Set<Regime> regimes(String platformId) {
        Instant now = clock.instant();
        Known cached = known.get(platformId);
        if (cached != null && cached.readAt().plus(FRESH_FOR).isAfter(now)) {
            return cached.regimes();
        }
        Set<Regime> regimes = database.withConnection(connection -> regimes(connection, platformId));
        if (!regimes.isEmpty()) {
            known.put(platformId, new Known(Set.copyOf(regimes), now));
        }
        return regimes;
    }

    /** The platform's regimes; unknown names (from an older configuration) are skipped and logged. */
    public Set<Regime> regimes(Connection connection, String platformId) throws SQLException {
        Set<Regime> regimes = EnumSet.noneOf(Regime.class);
        try (PreparedStatement select = connection.prepareStatement("SELECT regimes FROM platform WHERE id = ?")) {
            select.setString(1, platformId);
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    for (String name : (String[]) row.getArray(1).getArray()) {
                        try {
                            regimes.add(Regime.valueOf(name));
                        } catch (IllegalArgumentException e) {
                            LOGGER.warnf("Platform %s names unknown regime %s; ignored", platformId, name);
                        }
                    }
                }
            }
        }
        return regimes;
    }

    private record Known(Set<Regime> regimes, Instant readAt) {
    }
}
