package org.tipline.gateway.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;
import org.tipline.gateway.routing.Destination;
import org.tipline.gateway.routing.RoutingTable;

import io.quarkus.runtime.StartupEvent;

/**
 * Creates the contract's topics at start-up when they are missing, in the background and retrying while the broker is
 * unreachable, so a gateway can start before Kafka. Off where topics are managed elsewhere.
 */
@ApplicationScoped
public class TopicProvisioner {

    private static final Logger LOGGER = Logger.getLogger(TopicProvisioner.class);

    private final KafkaClients kafka;
    private final DeliveryConfig config;
    private final Topics topics;
    private final RoutingTable routing;

    TopicProvisioner(KafkaClients kafka, DeliveryConfig config, Topics topics, RoutingTable routing) {
        this.kafka = kafka;
        this.config = config;
        this.topics = topics;
        this.routing = routing;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.topics().create()) {
            Thread thread = new Thread(this::provisionUntilDone, "tipline-topic-provisioner");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /** The topics the gateway writes or reads. */
    List<String> names() {
        List<String> names = new ArrayList<>();
        for (Destination destination : routing.destinations()) {
            names.add(topics.intake(destination, false));
            names.add(topics.intake(destination, true));
        }
        names.add(topics.acks());
        names.add(topics.audit());
        return names;
    }

    private void provisionUntilDone() {
        Backoff backoff = new Backoff(java.time.Duration.ofMillis(500), java.time.Duration.ofSeconds(30));
        while (true) {
            try (Admin admin = kafka.admin("tipline-topic-provisioner")) {
                createMissing(admin);
                return;
            } catch (ExecutionException | java.util.concurrent.TimeoutException | KafkaException e) {
                LOGGER.debugf("Topic provisioning failed (%s); retrying", e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Thread.sleep(backoff.next().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void createMissing(Admin admin) throws ExecutionException, InterruptedException,
            java.util.concurrent.TimeoutException {
        Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        List<NewTopic> missing = names().stream().filter(name -> !existing.contains(name))
                .map(name -> new NewTopic(name, config.topics().partitions(), config.topics().replicationFactor()))
                .toList();
        if (missing.isEmpty()) {
            return;
        }
        try {
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            LOGGER.infof("Created %d topics", missing.size());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }
}
