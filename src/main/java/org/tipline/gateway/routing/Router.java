package org.tipline.gateway.routing;

import java.util.List;

import jakarta.inject.Singleton;

/** Decides which destinations must receive a finished report. */
@Singleton
public class Router {

    private final RoutingConfig config;

    Router(RoutingConfig config) {
        this.config = config;
    }

    /** The destination ids for a report. */
    public List<String> route() {
        return List.copyOf(config.defaultDestinations());
    }
}
