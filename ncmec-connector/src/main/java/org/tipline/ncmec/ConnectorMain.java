package org.tipline.ncmec;

import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Runs the NCMEC connector until the process is stopped (SIGTERM or Ctrl-C stop it after the current step). The
 * configuration comes from system properties and environment variables ({@link ConnectorConfig}); a setting that is
 * missing or invalid stops it at once with a message naming it (exit code 2).
 */
public final class ConnectorMain {

    private static final Logger LOGGER = LoggerFactory.getLogger(ConnectorMain.class);

    private ConnectorMain() {
    }

    public static void main(String... args) throws Exception {
        Connector connector;
        try {
            connector = Connector.start(config());
        } catch (IllegalStateException e) {
            LOGGER.error("The NCMEC connector cannot start: {}", e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            connector.close();
            stopped.countDown();
        }, "tipline-ncmec-stop"));
        stopped.await();
    }

    /** The configuration from system properties and the environment. */
    static ConnectorConfig config() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultSources().addDefaultInterceptors()
                .withMapping(ConnectorConfig.class).build();
        return config.getConfigMapping(ConnectorConfig.class);
    }
}
