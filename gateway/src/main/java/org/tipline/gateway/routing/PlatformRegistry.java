package org.tipline.gateway.routing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

/** The reporting regimes a platform is registered under, as routing reads them. */
@ApplicationScoped
public class PlatformRegistry {

    private static final Logger LOGGER = Logger.getLogger(PlatformRegistry.class);

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
