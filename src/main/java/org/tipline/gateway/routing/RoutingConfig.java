package org.tipline.gateway.routing;

import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Routing of finished reports to destinations (prefix {@code tipline.routing}). */
@ConfigMapping(prefix = "tipline.routing")
public interface RoutingConfig {

    /** Destinations every finished report goes to. */
    @WithDefault("ncmec")
    List<String> defaultDestinations();
}
