package org.tipline.gateway.platform.validation;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tipline.gateway.audit.AuditConfig;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.common.MapBackedConfigSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Defaults that follow other settings: renamed keys keep working, derived names follow their prefix. */
class ConfigDefaultsTest {

    @Test
    void theClockSkewDefaultsToTwoMinutes() {
        assertThat(config(Map.of()).getConfigMapping(ValidationConfig.class).clockSkew())
                .isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void theEarlierNameOfTheClockSkewStillWorks() {
        assertThat(config(Map.of("tipline.intake.clock-skew", "PT5M")).getConfigMapping(ValidationConfig.class)
                .clockSkew()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void theNewNameWinsOverTheEarlierOne() {
        assertThat(config(Map.of("tipline.intake.clock-skew", "PT5M", "tipline.validation.clock-skew", "PT7M"))
                .getConfigMapping(ValidationConfig.class).clockSkew()).isEqualTo(Duration.ofMinutes(7));
    }

    @Test
    void theFeedTopicFollowsTheTopicPrefix() {
        assertThat(config(Map.of()).getConfigMapping(AuditConfig.class).feedTopic()).isEqualTo("tipline.audit");
        assertThat(config(Map.of("tipline.delivery.topic-prefix", "acme")).getConfigMapping(AuditConfig.class)
                .feedTopic()).isEqualTo("acme.audit");
    }

    private static SmallRyeConfig config(Map<String, String> properties) {
        return new SmallRyeConfigBuilder().addDefaultInterceptors().withMapping(ValidationConfig.class)
                .withMapping(AuditConfig.class)
                .withSources(new MapBackedConfigSource("test", properties) {

                    private static final long serialVersionUID = 1L;
                }).build();
    }
}
