package org.tipline.gateway.security;

import java.time.Duration;
import java.util.Optional;

import jakarta.validation.constraints.Pattern;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Credentials (prefix {@code tipline.security}). */
@ConfigMapping(prefix = "tipline.security")
public interface SecurityConfig {

    /**
     * SHA-256 (64 hex digits) of an admin API key to register at start-up, so a fresh production deployment has a
     * first admin without any key in configuration. Generate a key with {@code tlk_} followed by at least 43
     * base64url characters, keep it secret, and configure only its digest.
     */
    Optional<@Pattern(regexp = "[0-9a-f]{64}") String> bootstrapAdminKeySha256();

    /** Active credentials kept between requests (revocations reach every instance through the ledger's notices). */
    CredentialCacheConfig credentialCache();

    /** The credential cache. */
    interface CredentialCacheConfig {

        /** Keep active credentials between requests; off: look every key up in the ledger. */
        @WithDefault("true")
        boolean enabled();

        /**
         * Longest time a credential is used from the cache, a last safety net: revocations take effect on every
         * instance as soon as their notice arrives, and the cache is not used while notices cannot be heard.
         */
        @WithDefault("PT30S")
        Duration ttl();
    }
}
