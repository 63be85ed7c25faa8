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
import org.tipline.gateway.platform.db.ChangeNotices;
import org.tipline.gateway.platform.db.Database;

/**
 * The reporting regimes a platform is registered under, as routing reads them. What was read is kept while no change
 * of the platform table was announced since ({@link ChangeNotices}) and for at most {@link #FRESH_FOR}.
 */
@ApplicationScoped
public class PlatformRegistry {

    static final Duration FRESH_FOR = Duration.ofMinutes(1);
    /** The notices' topic: the table's name (see migration V6). */
    static final String TOPIC = "platform";
    private static final Logger LOGGER = Logger.getLogger(PlatformRegistry.class);

    private final Database database;
    private final ChangeNotices notices;
    private final Clock clock;
    private final Map<String, Known> known = new ConcurrentHashMap<>();

    PlatformRegistry(Database database, ChangeNotices notices, Clock clock) {
        this.database = database;
        this.notices = notices;
        this.clock = clock;
    }

    /** The platform's regimes: as read before, if still current, or else from the ledger. */
    public Set<Regime> regimes(String platformId) {
        if (!notices.isListening()) {
            return database.withConnection(connection -> regimes(connection, platformId));
        }
        Instant now = clock.instant();
        long generation = notices.generation(TOPIC);
        Known cached = known.get(platformId);
        if (cached != null && cached.generation() == generation && cached.readAt().plus(FRESH_FOR).isAfter(now)) {
            return cached.regimes();
        }
        Set<Regime> regimes = database.withConnection(connection -> regimes(connection, platformId));
        if (!regimes.isEmpty() && notices.isListening() && notices.generation(TOPIC) == generation) {
            known.put(platformId, new Known(Set.copyOf(regimes), generation, now));
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

    private record Known(Set<Regime> regimes, long generation, Instant readAt) {
    }
}
