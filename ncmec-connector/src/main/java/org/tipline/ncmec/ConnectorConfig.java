package org.tipline.ncmec;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The connector's settings (prefix {@code tipline.ncmec}), from system properties or environment variables
 * ({@code TIPLINE_NCMEC_URL} is {@code tipline.ncmec.url}). Where the gateway, Kafka, the intake credential and the
 * progress database are not given, the running local stack's {@code .tipline/} files say.
 */
@ConfigMapping(prefix = "tipline.ncmec")
public interface ConnectorConfig {

    /** NCMEC's API: the test environment unless told otherwise; production is https://report.cybertip.org/ispws. */
    @WithDefault("https://exttest.cybertip.org/ispws")
    URI url();

    /** The reporting credentials NCMEC issued for that environment. */
    Optional<String> username();

    Optional<String> password();

    /** The gateway receivers reach ({@code stack.json}'s {@code httpUrl} in a local run). */
    Optional<URI> gatewayUrl();

    /** The ncmec intake credential ({@code demo-credentials.json}'s {@code intake.ncmec} in a local run). */
    Optional<String> intakeKey();

    /**
     * The destination's private JWKS: its sealing key opens the envelopes ({@code <local-stack-directory>/keys/
     * receivers/<destination>.private.jwks.json} in a local run).
     */
    Optional<Path> privateKeysFile();

    /** Kafka ({@code stack.json}'s {@code kafkaBootstrapServers} in a local run). */
    Optional<String> kafkaBootstrapServers();

    /** The connector's own progress database ({@code stack.json}'s {@code connectorJdbcUrl} in a local run). */
    Optional<String> jdbcUrl();

    @WithDefault("tipline_ncmec")
    String jdbcUser();

    Optional<String> jdbcPassword();

    /** Prefix of the gateway's topic names. */
    @WithDefault("tipline")
    String topicPrefix();

    /** The destination whose topics the connector consumes. */
    @WithDefault("ncmec")
    String destination();

    /** Consumer group of the connector's instances. */
    @WithDefault("tipline-ncmec-connector")
    String groupId();

    /** Folder of a running local stack's {@code stack.json} and {@code demo-credentials.json}. */
    @WithDefault(".tipline")
    Path localStackDirectory();

    /** Port of {@code /q/health/live}, {@code /q/health/ready} and {@code /q/metrics}; 0 for a free one. */
    @WithDefault("8091")
    int healthPort();

    /** How long one call to NCMEC or the gateway may take in all, an upload included. */
    @WithDefault("PT10M")
    Duration requestTimeout();

    /** How long opening a connection may take. */
    @WithDefault("PT10S")
    Duration connectTimeout();

    /** First pause before a failed step is tried again; doubles up to {@code max-backoff}. */
    @WithDefault("PT2S")
    Duration minBackoff();

    @WithDefault("PT5M")
    Duration maxBackoff();

    /**
     * How long an instance's claim on a filing lasts unless it renews it (it does, every third of this, while it
     * works): how long a crashed instance's filing waits before another instance takes it over.
     */
    @WithDefault("PT60S")
    Duration claimLease();

    /** How often the filer looks for work due again (it is also woken by every new envelope). */
    @WithDefault("PT1S")
    Duration pollInterval();
}
