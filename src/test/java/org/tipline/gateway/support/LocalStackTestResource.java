package org.tipline.gateway.support;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points every {@code @QuarkusTest} at the shared {@link TestStack}; returns only the settings it overrides. */
public class LocalStackTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return new HashMap<>(TestStack.get().configOverrides());
    }

    @Override
    public void stop() {
        // The stack outlives application restarts between test classes; TestStack stops it when the JVM exits.
    }
}
