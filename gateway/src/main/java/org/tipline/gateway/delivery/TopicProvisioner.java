package org.tipline.gateway.delivery;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.jboss.logging.Logger;
import org.tipline.gateway.platform.kafka.KafkaClients;
import org.tipline.gateway.platform.kafka.TopicDemand;
import org.tipline.gateway.platform.worker.BackgroundTask;
import org.tipline.gateway.platform.worker.Round;
import org.tipline.gateway.platform.worker.WorkerSettings;
import org.tipline.gateway.platform.worker.Workers;

import io.quarkus.runtime.StartupEvent;

/**
 * Creates the topics every component declares ({@link TopicDemand}) when they are missing, with
 * {@code max.message.bytes} set to {@link DeliveryConfig#maxMessageBytes()} (raised on topics that existed with less), as the one-off
 * {@code topic-provisioner} worker: it retries with back-off while the broker is unreachable, so a gateway can start
 * before Kafka, and ends once the topics exist. Off where topics are managed elsewhere (Strimzi).
 */
@ApplicationScoped
public class TopicProvisioner implements BackgroundTask {

    private static final Logger LOGGER = Logger.getLogger(TopicProvisioner.class);

    private final KafkaClients kafka;
    private final DeliveryConfig config;
    private final Instance<TopicDemand> demands;
    private final Workers workers;

    TopicProvisioner(KafkaClients kafka, DeliveryConfig config, Instance<TopicDemand> demands, Workers workers) {
        this.kafka = kafka;
        this.config = config;
        this.demands = demands;
        this.workers = workers;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.topics().create()) {
            workers.start("topic-provisioner", WorkerSettings.polling(Duration.ZERO)
                    .backingOff(Duration.ofMillis(500), Duration.ofSeconds(30)), this);
        }
    }

    /** The topics the gateway's components write or read. */
    List<String> names() {
        Set<String> names = new LinkedHashSet<>();
        demands.forEach(demand -> names.addAll(demand.topics()));
        return List.copyOf(names);
    }

    @Override
    public Round round() throws InterruptedException {
        try (Admin admin = kafka.admin("tipline-topic-provisioner")) {
            createMissing(admin);
            return Round.DONE;
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            LOGGER.debugf("Topic provisioning failed (%s); retrying", e.getClass().getSimpleName());
            return Round.PAUSED;
        }
    }

    private void createMissing(Admin admin) throws ExecutionException, InterruptedException, TimeoutException {
        Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        String maxMessageBytes = String.valueOf(config.maxMessageBytes());
        List<NewTopic> missing = names().stream().filter(name -> !existing.contains(name))
                .map(name -> new NewTopic(name, config.topics().partitions(), config.topics().replicationFactor())
                        .configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, maxMessageBytes)))
                .toList();
        if (!missing.isEmpty()) {
            try {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
                LOGGER.infof("Created %d topics", missing.size());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
        raiseMessageLimits(admin, names());
    }

    /** Topics (also ones that existed before, or were auto-created meanwhile) take records as large as the gateway writes ({@code max.message.bytes}). */
    private void raiseMessageLimits(Admin admin, List<String> topics)
            throws ExecutionException, InterruptedException, TimeoutException {
        if (topics.isEmpty()) {
            return;
        }
        List<ConfigResource> resources = topics.stream()
                .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic)).toList();
        Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get(30, TimeUnit.SECONDS);
        Map<ConfigResource, java.util.Collection<AlterConfigOp>> raises = new java.util.HashMap<>();
        configs.forEach((resource, topicConfig) -> {
            ConfigEntry entry = topicConfig.get(TopicConfig.MAX_MESSAGE_BYTES_CONFIG);
            if (entry == null || Long.parseLong(entry.value()) < config.maxMessageBytes()) {
                raises.put(resource, List.of(new AlterConfigOp(new ConfigEntry(TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                        String.valueOf(config.maxMessageBytes())), AlterConfigOp.OpType.SET)));
            }
        });
        if (!raises.isEmpty()) {
            admin.incrementalAlterConfigs(raises).all().get(30, TimeUnit.SECONDS);
            LOGGER.infof("Raised max.message.bytes to %d on %d topics", config.maxMessageBytes(), raises.size());
        }
    }
}
