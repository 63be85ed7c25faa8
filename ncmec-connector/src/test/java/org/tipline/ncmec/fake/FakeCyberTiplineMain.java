package org.tipline.ncmec.fake;

import java.util.concurrent.CountDownLatch;

/**
 * Runs the tests' fake CyberTipline for a local try of the connector without NCMEC credentials:
 * {@code ./mvnw -q test-compile exec:java@fake-cybertipline}. Port and credentials come from
 * {@code FAKE_CYBERTIPLINE_PORT} (8093), {@code TIPLINE_NCMEC_USERNAME} and {@code TIPLINE_NCMEC_PASSWORD}
 * ({@code tipline-test} both). It keeps everything in memory.
 */
public final class FakeCyberTiplineMain {

    private FakeCyberTiplineMain() {
    }

    public static void main(String... args) throws Exception {
        int port = Integer.parseInt(System.getenv().getOrDefault("FAKE_CYBERTIPLINE_PORT", "8093"));
        String username = System.getenv().getOrDefault("TIPLINE_NCMEC_USERNAME", "tipline-test");
        String password = System.getenv().getOrDefault("TIPLINE_NCMEC_PASSWORD", "tipline-test");
        FakeCyberTipline fake = FakeCyberTipline.start(port, username, password);
        System.out.println("Fake CyberTipline at " + fake.url() + " (user " + username + "); Ctrl-C to stop");
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            fake.close();
            stopped.countDown();
        }));
        stopped.await();
    }
}
