package org.tipline.gateway.security;

import java.util.Optional;

import jakarta.validation.constraints.Pattern;

import io.smallrye.config.ConfigMapping;

/** Credentials (prefix {@code tipline.security}). */
@ConfigMapping(prefix = "tipline.security")
public interface SecurityConfig {

    /**
     * SHA-256 (64 hex digits) of an admin API key to register at start-up, so a fresh production deployment has a
     * first admin without any key in configuration. Generate a key with {@code tlk_} followed by at least 43
     * base64url characters, keep it secret, and configure only its digest.
     */
    Optional<@Pattern(regexp = "[0-9a-f]{64}") String> bootstrapAdminKeySha256();
}
