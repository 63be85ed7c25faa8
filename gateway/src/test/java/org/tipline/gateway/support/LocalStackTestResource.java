package org.tipline.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import org.tipline.gateway.security.ApiKeys;
import org.tipline.localstack.PackagedGateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points every {@code @QuarkusTest} at the shared {@link TestStack}; returns only the settings it overrides. */
public class LocalStackTestResource implements QuarkusTestResourceLifecycleManager {

    /** The platform whose requests RateLimitTest runs into its limit (2 a second, bursts of 3). */
    public static final String RATE_LIMITED_PLATFORM = "test-rate-limited";

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(TestStack.get().configOverrides());
        // Small enough for a test to exceed without moving gigabytes.
        config.put("tipline.evidence.max-file-bytes", String.valueOf(8 * 1024 * 1024));
        // A message that keeps failing is given up on within seconds, not the production default's 40 minutes.
        config.put("tipline.delivery.relay.max-attempts", "3");
        config.put("tipline.delivery.relay.retry-min-backoff", "PT0.1S");
        config.put("tipline.delivery.relay.retry-max-backoff", "PT0.5S");
        config.put("tipline.delivery.relay.delivery-timeout", "PT5S");
        config.put("tipline.delivery.relay.ack-wait", "PT1S");
        // Sweeps send thousands of requests from one platform; RateLimitTest's platform has a limit of its own.
        config.put("tipline.rate-limit.requests-per-second", "100000");
        config.put("tipline.rate-limit.burst", "100000");
        config.put("tipline.rate-limit.platforms.\"" + RATE_LIMITED_PLATFORM + "\".requests-per-second", "2");
        config.put("tipline.rate-limit.platforms.\"" + RATE_LIMITED_PLATFORM + "\".burst", "3");
        // The management interface (health, metrics) on a free port: test-port for @QuarkusTest, port for the
        // packaged application of the *IT tests; Management reads it back from the system property.
        String managementPort = String.valueOf(freePort());
        config.put("quarkus.management.test-port", managementPort);
        config.put("quarkus.management.port", managementPort);
        System.setProperty(Management.PORT_PROPERTY, managementPort);
        config.put("tipline.security.bootstrap-admin-key-sha256",
                HexFormat.of().formatHex(ApiKeys.hash(TestStack.ADMIN_KEY)));
        return config;
    }

    private static int freePort() {
        try {
            return PackagedGateway.freePort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for the management interface", e);
        }
    }

    @Override
    public void stop() {
        // The stack outlives application restarts between test classes; TestStack stops it when the JVM exits.
    }
}
