package org.tipline.bench;

import java.time.Duration;

/** One line on standard error per phase of a run, with the time since the run began, so a long run shows life. */
final class Progress {

    private static final long START = System.nanoTime();

    private Progress() {
    }

    static void say(String format, Object... args) {
        Duration elapsed = Duration.ofNanos(System.nanoTime() - START);
        System.err.printf("[bench %02d:%02d] %s%n", elapsed.toMinutes(), elapsed.toSecondsPart(),
                String.format(format, args));
    }
}
