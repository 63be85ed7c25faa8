package org.tipline.ncmec;

import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** KAFKA_* variables become client properties; nothing else does. */
class KafkaEnvironmentTest {

    @Test
    void kafkaVariablesBecomeClientPropertiesAndOthersAreIgnored() {
        // When
        Properties properties = KafkaEnvironment.clientProperties(Map.of(
                "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                "KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/tipline/kafka-ca/ca.crt",
                "KAFKA_", "ignored",
                "KAFKA_EMPTY", " ",
                "TIPLINE_NCMEC_URL", "https://exttest.cybertip.org/ispws",
                "PATH", "/usr/bin"));
        // Then
        assertThat(properties).containsOnlyKeys("security.protocol", "sasl.mechanism", "sasl.jaas.config",
                "ssl.truststore.location");
        assertThat(properties.getProperty("sasl.mechanism")).isEqualTo("SCRAM-SHA-512");
        assertThat(properties.getProperty("ssl.truststore.location")).isEqualTo("/etc/tipline/kafka-ca/ca.crt");
    }
}
