package org.tipline.gateway.platform.kafka;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.smallrye.common.annotation.Identifier;

/**
 * Creates Kafka clients from the operator's {@code kafka.*} settings (bootstrap servers, TLS, SASL) plus the
 * settings the gateway's guarantees depend on, which cannot be overridden.
 */
@ApplicationScoped
public class KafkaClients {

    /** Timeouts of a producer: how long a send may wait for metadata, and for the broker's acknowledgement. */
    public record ProducerTimeouts(Duration maxBlock, Duration deliveryTimeout) {

        /** 5 s for metadata, 30 s for the acknowledgement. */
        public static final ProducerTimeouts DEFAULT = new ProducerTimeouts(Duration.ofSeconds(5),
                Duration.ofSeconds(30));
    }

    private final Map<String, Object> base;

    @Inject
    KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> base) {
        this.base = Map.copyOf(base);
    }

    /** An idempotent producer with {@code acks=all}: a record is acknowledged only once all in-sync replicas have it. */
    public KafkaProducer<String, byte[]> producer(String clientId, ProducerTimeouts timeouts) {
        return producer(clientId, timeouts, 1_048_576);
    }

    /** The same, writing records of up to {@code maxRequestBytes} ({@code max.request.size}, set explicitly). */
    public KafkaProducer<String, byte[]> producer(String clientId, ProducerTimeouts timeouts, int maxRequestBytes) {
        Map<String, Object> properties = common(clientId);
        properties.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, maxRequestBytes);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        properties.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, timeouts.maxBlock().toMillis());
        int deliveryTimeout = Math.toIntExact(timeouts.deliveryTimeout().toMillis());
        properties.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, deliveryTimeout);
        properties.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(deliveryTimeout / 2, 15_000));
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(properties);
    }

    /** A consumer in {@code groupId} that commits offsets only when told to. */
    public KafkaConsumer<String, byte[]> consumer(String clientId, String groupId) {
        Map<String, Object> properties = common(clientId);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return new KafkaConsumer<>(properties);
    }

    /** An admin client, for topic provisioning and health. */
    public Admin admin(String clientId) {
        return Admin.create(common(clientId));
    }

    private Map<String, Object> common(String clientId) {
        Map<String, Object> properties = new HashMap<>(base);
        properties.put(CommonClientConfigs.CLIENT_ID_CONFIG, clientId);
        return properties;
    }
}
