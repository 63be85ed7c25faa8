package org.tipline.gateway.support;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Captures every log record of the application (all levels), with parameters and stack traces, for inspection. */
public final class LogCapture extends Handler implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final SimpleFormatter formatter = new SimpleFormatter();
    private final Logger verbose;
    private final Level previous;

    private LogCapture(String verboseCategory) {
        verbose = Logger.getLogger(verboseCategory);
        previous = verbose.getLevel();
        verbose.setLevel(Level.ALL);
        setLevel(Level.ALL);
        Logger.getLogger("").addHandler(this);
    }

    /** Captures everything logged, with {@code verboseCategory} (e.g. the gateway's own) at every level. */
    public static LogCapture start(String verboseCategory) {
        return new LogCapture(verboseCategory);
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void publish(LogRecord record) {
        StringBuilder line = new StringBuilder(record.getLevel() + " " + record.getLoggerName() + " "
                + formatter.formatMessage(record));
        if (record.getParameters() != null) {
            for (Object parameter : record.getParameters()) {
                line.append(" | ").append(parameter);
            }
        }
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append('\n').append(trace);
        }
        lines.add(line.toString());
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
        verbose.setLevel(previous);
    }
}
