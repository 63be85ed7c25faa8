package org.tipline.gateway.platform.worker;

/**
 * An exception as logs may show it: the class names and stack frames of the chain, never a message, which might
 * quote report content (a parser's message can).
 */
public final class Redacted extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final int MAX_DEPTH = 10;

    private Redacted(Throwable original, int depth) {
        super(original.getClass().getName(), original.getCause() == null || depth >= MAX_DEPTH
                ? null
                : new Redacted(original.getCause(), depth + 1), false, true);
        setStackTrace(original.getStackTrace());
    }

    /** A copy of {@code error} and its causes without their messages, for logging with a stack. */
    public static Redacted of(Throwable error) {
        return new Redacted(error, 0);
    }

    /** The simple class names of {@code error} and its causes, e.g. {@code UncheckedIOException <- EOFException}. */
    public static String describe(Throwable error) {
        StringBuilder text = new StringBuilder(error.getClass().getSimpleName());
        Throwable cause = error.getCause();
        for (int depth = 0; cause != null && cause != error && depth < MAX_DEPTH; depth++) {
            text.append(" <- ").append(cause.getClass().getSimpleName());
            cause = cause.getCause();
        }
        return text.toString();
    }
}
