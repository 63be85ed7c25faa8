package org.tipline.ncmec.ops;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The connector's readiness, from named checks its parts keep up to date: each is up, or down with a reason that
 * names no content. Ready when every check is up.
 */
public final class Health {

    private final Map<String, Supplier<String>> checks = new ConcurrentHashMap<>();

    /** Registers a check: the supplier answers null when up, otherwise why it is down. */
    public void register(String name, Supplier<String> problem) {
        checks.put(name, problem);
    }

    /** Each check's state: {@code UP} or {@code DOWN: <reason>}, by name. */
    public Map<String, String> states() {
        Map<String, String> states = new LinkedHashMap<>();
        checks.keySet().stream().sorted().forEach(name -> {
            String problem;
            try {
                problem = checks.get(name).get();
            } catch (RuntimeException e) {
                problem = "the check failed (" + e.getClass().getSimpleName() + ")";
            }
            states.put(name, problem == null ? "UP" : "DOWN: " + problem);
        });
        return states;
    }

    public boolean ready() {
        return states().values().stream().allMatch("UP"::equals);
    }
}
