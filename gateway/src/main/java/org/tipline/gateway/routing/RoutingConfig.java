package org.tipline.gateway.routing;

import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** Routing (prefix {@code tipline.routing}). */
@ConfigMapping(prefix = "tipline.routing")
public interface RoutingConfig {

    /** YAML file of destinations and rules; the bundled {@code routing/default-routing.yaml} when not given. */
    Optional<Path> file();
}
