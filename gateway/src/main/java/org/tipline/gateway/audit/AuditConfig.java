package org.tipline.gateway.audit;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The audit log (prefix {@code tipline.audit}). */
@ConfigMapping(prefix = "tipline.audit")
public interface AuditConfig {

    /** Log origin in the signed checkpoints (C2SP tlog-checkpoint): a schema-less URL naming this log. */
    @WithDefault("tipline.example/audit")
    @Pattern(regexp = "[^\\s]{1,200}")
    String origin();

    /** How often the sequencer moves committed events into the log. */
    @WithDefault("PT0.1S")
    Duration sequenceInterval();

    /** Most events sequenced per transaction. */
    @WithDefault("5000")
    @Min(1)
    @Max(100_000)
    int sequenceBatch();

    /** Shortest time between two signed tree heads (a head is signed only when the log grew). */
    @WithDefault("PT1S")
    Duration treeHeadInterval();

    /** Publish every event to the {@code <prefix>.audit} topic (SIEM feed). */
    @WithDefault("true")
    boolean feedEnabled();

    /** Topic of the SIEM feed. */
    @WithDefault("${tipline.delivery.topic-prefix:tipline}.audit")
    @Pattern(regexp = "[a-zA-Z0-9._-]{1,249}")
    String feedTopic();

    /** Most events published to the feed per batch. */
    @WithDefault("1000")
    @Min(1)
    int feedBatch();
}
