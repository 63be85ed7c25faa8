package org.tipline.gateway;

import org.tipline.gateway.localstack.LocalStackBootstrap;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/** Entry point: starts the local stack first when the configuration asks for it (dev mode), then the gateway. */
@QuarkusMain
public final class GatewayMain {

    public static void main(String... args) {
        LocalStackBootstrap.startIfConfigured();
        Quarkus.run(args);
    }
}
