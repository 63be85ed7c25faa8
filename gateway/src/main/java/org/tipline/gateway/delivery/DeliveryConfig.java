package org.tipline.gateway.delivery;

import java.time.Duration;
import java.util.Optional;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Forwarding over Kafka: topic names, the outbox relay and topic provisioning (prefix {@code tipline.delivery}). */
@ConfigMapping(prefix = "tipline.delivery")
public interface DeliveryConfig {

    /** Prefix of every topic name: {@code <prefix>.intake.<destination>[.urgent]}, {@code <prefix>.intake.acks}. */
    @WithDefault("tipline")
    @Pattern(regexp = "[a-zA-Z0-9._-]{1,100}")
    String topicPrefix();

    /** The outbox relay. */
    Relay relay();

    /**
     * Largest Kafka record the gateway writes, in bytes: the relay's producer {@code max.request.size} and the
     * {@code max.message.bytes} of the topics it creates (set the same on topics managed elsewhere). A report whose
     * envelope could exceed it is refused at finish (422 {@code TOO_LARGE_TO_FORWARD}), so none is accepted that
     * could never be forwarded. The default takes the largest report body (1 MiB) with dozens of files' details.
     */
    @WithDefault("8388608")
    @Min(1_048_576)
    @Max(104_857_600)
    int maxMessageBytes();

    /** Base URL receivers reach the gateway at, to make file links in envelopes absolute (relative otherwise). */
    Optional<@Pattern(regexp = "https?://\\S+") String> publicBaseUrl();

    /** Creating the topics at start-up. */
    Topics topics();

    /**
     * Folder of the destinations' public keys, one JWKS per destination, {@code <id>.jwks.json}: an EC P-256 key
     * ({@code use: enc}) envelopes are sealed to, and the key ({@code use: sig}) its Kafka acknowledgements are
     * signed with. Every enabled destination needs one. With {@code tipline.keys.generate-missing} (local runs and
     * tests) it defaults to {@code <tipline.keys.directory>/receivers} and missing key pairs are generated there.
     */
    Optional<java.nio.file.Path> receiverKeysDirectory();

    /** The acknowledgement consumer. */
    Acks acks();

    /** The consumer of {@code <prefix>.intake.acks}. */
    interface Acks {

        /** Consume acknowledgements in this instance (the group shares the partitions among instances). */
        @WithDefault("true")
        boolean consume();

        /** Consumer group of the gateway's instances. */
        @WithDefault("tipline-gateway")
        String groupId();
    }

    /** The outbox relay that publishes committed messages. */
    interface Relay {

        /** Run the relay in this instance (several instances may run it at once). */
        @WithDefault("true")
        boolean enabled();

        /** Most messages claimed and published per batch. */
        @WithDefault("500")
        @Min(1)
        @Max(10_000)
        int batchSize();

        /**
         * Most bytes of envelopes (as estimated when queued) held and published per batch; a single larger message
         * still goes alone. Bounds the relay's memory, since a batch is held decrypted.
         */
        @WithDefault("16777216")
        @Min(1_048_576)
        long maxBatchBytes();

        /**
         * Attempts at one message before it is parked and its delivery becomes FAILED (an operator retries it with
         * {@code POST /v1/admin/deliveries/{reportId}/{destination}/retry}). Only failures of that message count:
         * while the broker is unreachable nothing is counted and everything waits. Envelopes that can never be sent
         * (too large, content gone) are parked at once.
         */
        @WithDefault("15")
        @Min(1)
        int maxAttempts();

        /** Wait after a message's first failed attempt; doubles with each further one up to {@code retry-max-backoff}. */
        @WithDefault("PT1S")
        Duration retryMinBackoff();

        /** Longest wait between attempts at one message (with the defaults, 15 attempts take about 40 minutes). */
        @WithDefault("PT5M")
        Duration retryMaxBackoff();

        /** How often an idle relay looks for messages written by other instances. */
        @WithDefault("PT0.2S")
        Duration pollInterval();

        /**
         * After a round that did not fill its batch, how long the relay lets messages gather before it claims again
         * (counted from that round's start): fewer, fuller rounds, each with one claim, one broker round trip and
         * one commit. A P1 message committed meanwhile cuts it short. Zero: claim at every wake-up.
         */
        @WithDefault("PT0.02S")
        Duration linger();

        /**
         * Threads that seal and sign a batch's envelopes in parallel (the relay's CPU work: an ECDH agreement and an
         * Ed25519 signature each); 0: one per processor.
         */
        @WithDefault("0")
        @Min(0)
        @Max(64)
        int encoders();

        /** First pause after a failed batch; doubles up to {@code max-backoff}. */
        @WithDefault("PT0.2S")
        Duration minBackoff();

        /** Longest pause between attempts while Kafka is unavailable. */
        @WithDefault("PT10S")
        Duration maxBackoff();

        /** How long one publish may wait for topic metadata before the batch is retried later. */
        @WithDefault("PT5S")
        Duration maxBlock();

        /**
         * How long a round waits for the broker's answers before committing those it has: a slower answer is
         * collected by a later round while its message is leased, so a failing destination delays no other longer.
         */
        @WithDefault("PT2S")
        Duration ackWait();

        /** How long the broker has to acknowledge a batch before it is retried later. */
        @WithDefault("PT30S")
        Duration deliveryTimeout();
    }

    /** Topic provisioning. */
    interface Topics {

        /** Create missing topics at start-up (turn off where topics are managed, e.g. by Strimzi). */
        @WithDefault("true")
        boolean create();

        /** Partitions of a created topic. */
        @WithDefault("3")
        @Min(1)
        int partitions();

        /** Replication factor of a created topic (3 in production clusters). */
        @WithDefault("1")
        @Min(1)
        short replicationFactor();
    }
}
