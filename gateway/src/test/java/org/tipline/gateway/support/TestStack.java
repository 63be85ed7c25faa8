package org.tipline.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.tipline.gateway.security.ApiKeys;
import org.tipline.localstack.LocalStack;

/**
 * The local stack the whole test run shares: started on first use, stopped when the test JVM exits, its state in a
 * temporary folder. Tests that inject faults (stop the broker, stop the database) restart what they stopped.
 * <p>
 * The suite uses no {@code @TestProfile}: one application start, one class loader, one stack. A second class loader
 * asking for the stack would start a second one, so that fails loudly instead.
 */
public final class TestStack {

    private static final String STARTED_PROPERTY = "tipline.test-stack.directory";
    /** The admin key registered through {@code tipline.security.bootstrap-admin-key-sha256}. */
    public static final String ADMIN_KEY = ApiKeys.generate();
    private static LocalStack stack;

    private TestStack() {
    }

    /** The running stack, started on first call. */
    public static synchronized LocalStack get() {
        if (stack == null) {
            if (System.getProperty(STARTED_PROPERTY) != null) {
                throw new IllegalStateException("The test stack runs in another class loader (a @TestProfile?): "
                        + "tests must share one application and one stack");
            }
            try {
                Path directory = Files.createTempDirectory("tipline-test-stack-");
                System.setProperty(STARTED_PROPERTY, directory.toString());
                stack = LocalStack.start(directory, true, true);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    stack.close();
                    deleteQuietly(directory);
                }, "tipline-test-stack-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException("The test stack could not start", e);
            }
        }
        return stack;
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temporary folder; the OS cleans it eventually
        }
    }
}
