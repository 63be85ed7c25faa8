package org.tipline.bench;

import java.util.logging.Level;

import org.jboss.logmanager.LogContext;

/**
 * The log levels of the harness's JVM, which nothing else configures (the gateway and the tests have Quarkus's): root
 * INFO and the in-process broker at WARN, as in the gateway's {@code application.properties}. Unconfigured, the
 * broker's loggers answer TRACE and it formats a trace record for every request it serves, costing it a tenth of its
 * CPU, CPU the gateway under test then lacks.
 */
final class QuietLogs {

    private QuietLogs() {
    }

    static void apply() {
        LogContext logs = LogContext.getLogContext();
        logs.getLogger("").setLevel(Level.INFO);
        for (String broker : new String[]{"kafka", "org.apache.kafka", "state.change.logger", "io.zonky"}) {
            logs.getLogger(broker).setLevel(Level.WARNING);
        }
    }
}
