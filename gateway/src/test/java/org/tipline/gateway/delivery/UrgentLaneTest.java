package org.tipline.gateway.delivery;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.tipline.gateway.support.SyntheticReports;
import org.tipline.gateway.support.TestApi;
import org.tipline.gateway.support.TestStack;
import org.tipline.gateway.support.TopicReader;
import org.tipline.localstack.LocalKafka;

import io.quarkus.test.junit.QuarkusTest;

import static org.assertj.core.api.Assertions.assertThat;

/** A P1 report behind a backlog of 1,000 P3 reports reaches its urgent topic before the backlog has drained. */
@QuarkusTest
class UrgentLaneTest {

    private static final int BACKLOG = 1_000;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void anImminentReportOvertakesTheBacklog() throws Exception {
        // Given a backlog built while the broker is down
        String platform = TestApi.newPlatform();
        LocalKafka kafka = TestStack.get().kafka().orElseThrow();
        List<String> backlog = Collections.synchronizedList(new ArrayList<>());
        String urgent;
        kafka.stop();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> submissions = new ArrayList<>();
            for (int i = 0; i < BACKLOG; i++) {
                submissions.add(clients.submit(() -> backlog.add(TestApi.as(platform).contentType("application/json")
                        .body(SyntheticReports.minimal()).post("/v1/reports?finish=true").then().statusCode(202)
                        .extract().path("reportId"))));
            }
            for (Future<?> submission : submissions) {
                submission.get();
            }
            // When the P1 report comes last
            urgent = TestApi.as(platform).contentType("application/json")
                    .body(SyntheticReports.minimal().replace("\"incident\"",
                            "\"priority\": \"P1_IMMINENT\", \"escalationReason\": \"synthetic: imminent danger\", \"incident\""))
                    .post("/v1/reports?finish=true").then().statusCode(202).extract().path("reportId");
        } finally {
            clients.shutdownNow();
            kafka.start();
        }
        // Then
        List<String> all = new ArrayList<>(backlog);
        all.add(urgent);
        try (TopicReader reader = new TopicReader(bootstrapServers,
                List.of("tipline.intake.ncmec", "tipline.intake.ncmec.urgent"))) {
            List<ConsumerRecord<String, String>> records = reader.awaitRecords(all, Duration.ofSeconds(120),
                    received -> received.stream().map(ConsumerRecord::key).distinct().count() == all.size());
            ConsumerRecord<String, String> p1 = records.stream().filter(r -> r.key().equals(urgent)).findFirst()
                    .orElseThrow();
            long lastOfBacklog = records.stream().filter(r -> !r.key().equals(urgent))
                    .mapToLong(ConsumerRecord::timestamp).max().orElseThrow();
            assertThat(p1.topic()).isEqualTo("tipline.intake.ncmec.urgent");
            assertThat(p1.headers().lastHeader("tipline-priority").value()).asString().isEqualTo("P1_IMMINENT");
            assertThat(p1.timestamp()).as("the P1 report was on its topic before the backlog drained")
                    .isLessThan(lastOfBacklog);
            assertThat(records.stream().filter(r -> !r.key().equals(urgent)))
                    .allSatisfy(r -> assertThat(r.topic()).isEqualTo("tipline.intake.ncmec"));
        }
    }
}
