package org.tipline.ncmec;

import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Kafka client settings from the environment, as Quarkus services take them: {@code KAFKA_SECURITY_PROTOCOL=SASL_SSL}
 * becomes {@code security.protocol=SASL_SSL}, {@code KAFKA_SASL_JAAS_CONFIG} {@code sasl.jaas.config}, and so on. This
 * is how a deployment gives the connector TLS and SASL; the settings its guarantees depend on are set after these and
 * cannot be overridden.
 */
final class KafkaEnvironment {

    private static final String PREFIX = "KAFKA_";

    private KafkaEnvironment() {
    }

    /** The client properties named by {@code environment}'s {@code KAFKA_*} variables. */
    static Properties clientProperties(Map<String, String> environment) {
        Properties properties = new Properties();
        environment.forEach((name, value) -> {
            if (name.startsWith(PREFIX) && name.length() > PREFIX.length() && !value.isBlank()) {
                properties.put(name.substring(PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.'), value);
            }
        });
        return properties;
    }
}
