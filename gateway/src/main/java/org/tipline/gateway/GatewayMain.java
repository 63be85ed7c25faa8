package org.tipline.gateway;

import org.eclipse.microprofile.config.ConfigProvider;
import org.tipline.localstack.LocalStackBootstrap;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Entry point: starts the local stack first when {@code tipline.local-stack.enabled} asks for it (the run command
 * does), then the gateway. The local stack is an optional dependency, left out of the packaged application, so it is
 * touched only when asked for; a packaged gateway asked for it stops with a message saying so.
 */
@QuarkusMain
public final class GatewayMain {

    static final String LOCAL_STACK = "tipline.local-stack.enabled";

    private GatewayMain() {
    }

    public static void main(String... args) {
        if (ConfigProvider.getConfig().getOptionalValue(LOCAL_STACK, Boolean.class).orElse(false)) {
            startLocalStack();
        }
        Quarkus.run(args);
    }

    private static void startLocalStack() {
        try {
            LocalStackBootstrap.startIfConfigured();
        } catch (NoClassDefFoundError e) {
            throw new IllegalStateException(LOCAL_STACK + " is set, but this packaged gateway does not carry the local"
                    + " stack: point it at PostgreSQL and Kafka (README, Configuration), or run ./mvnw quarkus:dev", e);
        }
    }
}
