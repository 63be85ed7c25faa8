package org.tipline.gateway.routing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.tipline.gateway.platform.db.ChangeNotices;
import org.tipline.gateway.platform.db.Database;
import org.tipline.gateway.platform.db.NoticedCache;

/**
 * The reporting regimes a platform is registered under, as routing reads them. What was read is kept while no change
 * of the platform table was announced since ({@link ChangeNotices}) and for at most {@link #FRESH_FOR}.
 */
@ApplicationScoped
public class PlatformRegistry {

    static final Duration FRESH_FOR = Duration.ofMinutes(1);
    /** The notices' topic: the table's name (see migration V6). */
    static final String TOPIC = "platform";
    /** Most platforms kept; past that the cache starts over rather than grow. */
    static final int MAX_ENTRIES = 10_000;
    private static final Logger LOGGER = Logger.getLogger(PlatformRegistry.class);

    private final Database database;
    private final NoticedCache<String, Set<Regime>> known;

    PlatformRegistry(Database database, ChangeNotices notices) {
        this.database = database;
        this.known = new NoticedCache<>(notices, TOPIC, FRESH_FOR, MAX_ENTRIES);
    }

    /** The platform's regimes: as read before, if still current, or else from the ledger. */
    public Set<Regime> regimes(String platformId) {
        return known.get(platformId,
                id -> Collections.unmodifiableSet(database.withConnection(connection -> regimes(connection, id))),
                regimes -> !regimes.isEmpty());
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
}
