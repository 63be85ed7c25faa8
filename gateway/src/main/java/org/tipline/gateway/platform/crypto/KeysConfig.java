package org.tipline.gateway.platform.crypto;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Key material: the Ed25519 signing key and the AES-256 content keys (prefix {@code tipline.keys}). */
@ConfigMapping(prefix = "tipline.keys")
public interface KeysConfig {

    /** Folder where generated keys are kept; used only with {@code generate-missing}. */
    Optional<Path> directory();

    /** Generate keys that are not configured and keep them in {@code directory} (local runs and tests only). */
    @WithDefault("false")
    boolean generateMissing();

    /** JWK file (OKP, Ed25519, with {@code d}) that signs receipts, Kafka envelopes and audit tree heads. */
    Optional<Path> signingKeyFile();

    /** JWK files of earlier signing keys: still published in {@code /v1/keys} so old signatures verify. */
    Optional<java.util.List<Path>> retiredSigningKeyFiles();

    /** AES-256-GCM keys that encrypt report content at rest: key id to base64 of 32 random bytes. */
    Map<String, String> contentKeys();

    /** Id of the content key that encrypts new content; the others only decrypt. */
    Optional<String> activeContentKey();
}
