package org.tipline.gateway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tipline.gateway.support.FilingLoad;
import org.tipline.gateway.support.PackagedClient;
import org.tipline.gateway.support.TestStack;
import org.tipline.localstack.LocalStack;
import org.tipline.localstack.PackagedGateway;

import io.quarkus.test.junit.QuarkusIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged gateway killed with -9 while platforms file reports, then started again on the same port: clients
 * retry what got no answer with the same Idempotency-Key, as the API tells them to. Every request ends with a 2xx;
 * every 2xx'd report is in the ledger and on its topic; no request became two reports; after de-duplication by
 * message id each report was forwarded once.
 */
@QuarkusIntegrationTest // for the shared test stack: the gateways under test here are started by the test itself
class GatewayKillIT {

    private static final int CLIENTS = 8;
    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    private final PackagedClient client = new PackagedClient();

    @Test
    void noAcknowledgedReportIsLostOrFiledTwiceWhenTheGatewayIsKilledUnderLoad() throws Exception {
        // Given
        LocalStack stack = TestStack.get();
        Map<String, String> config = new HashMap<>(stack.configOverrides());
        config.put("tipline.rate-limit.enabled", "false");
        Path logs = Files.createTempDirectory("tipline-kill-it-");
        PackagedGateway first = PackagedGateway.start(JAR, config, List.of("-Xmx256m"), logs.resolve("first.log"), 0);
        PackagedGateway second = null;
        try (FilingLoad load = FilingLoad.start(client, List.of(first.base()), client.newPlatform(first, "kill-it"),
                CLIENTS)) {
            load.awaitMore(200, Duration.ofSeconds(60));
            // When: killed in the middle of the load, started again on the same port
            first.kill();
            int beforeRestart = load.filed();
            second = PackagedGateway.start(JAR, config, List.of("-Xmx256m"), logs.resolve("second.log"),
                    first.base().getPort());
            load.awaitMore(200, Duration.ofSeconds(60));
            load.finish();
            // Then
            assertThat(load.retries()).as("requests were cut off by the kill").isPositive();
            assertThat(load.filed()).isGreaterThan(beforeRestart);
            load.assertEachKeyFiledOnceAndDeliveredOnce(stack.kafka().orElseThrow().bootstrapServers());
        } finally {
            first.kill();
            if (second != null) {
                second.close();
            }
        }
    }
}
