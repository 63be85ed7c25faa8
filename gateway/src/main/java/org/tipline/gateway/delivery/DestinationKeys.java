package org.tipline.gateway.delivery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.tipline.core.envelope.ReceiverKeys;
import org.tipline.gateway.platform.crypto.EcdhEsSealer;
import org.tipline.gateway.platform.crypto.KeyMaterialException;
import org.tipline.gateway.platform.crypto.KeysConfig;
import org.tipline.gateway.routing.Destination;
import org.tipline.gateway.routing.RoutingTable;

import io.quarkus.runtime.Startup;

/**
 * The public keys each destination registered ({@link DeliveryConfig#receiverKeysDirectory()}): the key its
 * envelopes are sealed to and the keys its Kafka acknowledgements must be signed with. Loaded at start-up; an enabled
 * destination without a sealing key stops the gateway, since its envelopes could only go out in clear.
 */
@Startup
@Singleton
public class DestinationKeys {

    private static final Logger LOGGER = Logger.getLogger(DestinationKeys.class);

    private final Map<String, EcdhEsSealer> sealing = new HashMap<>();
    private final Map<String, JsonWebKeySet> acknowledging = new HashMap<>();

    DestinationKeys(DeliveryConfig config, KeysConfig keys, RoutingTable routing) {
        Path directory = directory(config, keys);
        for (Destination destination : routing.destinations()) {
            if (!destination.isEnabled()) {
                continue;
            }
            Path file = ReceiverKeys.publicFile(directory, destination.id());
            try {
                if (!Files.exists(file) && keys.generateMissing()) {
                    ReceiverKeys.generate(directory, destination.id());
                    LOGGER.infof("Generated the key pairs of destination %s in %s (local runs only)",
                            destination.id(), directory);
                }
                JsonWebKeySet set = publicOnly(ReceiverKeys.read(file), file);
                sealing.put(destination.id(), EcdhEsSealer.to(ReceiverKeys.key(set, "enc")));
                acknowledging.put(destination.id(), set);
            } catch (IOException e) {
                throw new KeyMaterialException("Destination " + destination.id() + " has no usable public keys in "
                        + file + ": each destination registers a sealing key (use enc, EC P-256) and may register"
                        + " an acknowledgement key (use sig); see docs/kafka-envelope.md", e);
            }
        }
    }

    /** What seals envelopes for {@code destination} to its key. */
    public EcdhEsSealer sealer(String destination) {
        EcdhEsSealer sealer = sealing.get(destination);
        if (sealer == null) {
            throw new KeyMaterialException("Destination " + destination + " has no sealing key");
        }
        return sealer;
    }

    /** The keys a Kafka acknowledgement for {@code destination} may be signed with; empty if it registered none. */
    public Optional<JsonWebKeySet> acknowledgementKeys(String destination) {
        JsonWebKeySet set = acknowledging.get(destination);
        if (set == null) {
            return Optional.empty();
        }
        List<org.jose4j.jwk.JsonWebKey> signing = set.getJsonWebKeys().stream().filter(k -> "sig".equals(k.getUse()))
                .toList();
        return signing.isEmpty() ? Optional.empty() : Optional.of(new JsonWebKeySet(signing));
    }

    private static Path directory(DeliveryConfig config, KeysConfig keys) {
        if (config.receiverKeysDirectory().isPresent()) {
            return config.receiverKeysDirectory().get();
        }
        if (keys.generateMissing() && keys.directory().isPresent()) {
            return keys.directory().get().resolve("receivers");
        }
        throw new KeyMaterialException("tipline.delivery.receiver-keys-directory is not configured: each destination"
                + " registers its public keys there (docs/kafka-envelope.md)");
    }

    /** The gateway is given public keys only; a private key in the folder is refused, not silently used. */
    private static JsonWebKeySet publicOnly(JsonWebKeySet set, Path file) throws IOException {
        for (org.jose4j.jwk.JsonWebKey key : set.getJsonWebKeys()) {
            if (key instanceof PublicJsonWebKey pair && pair.getPrivateKey() != null) {
                throw new IOException(file + " holds a private key: give the gateway the public JWKS only");
            }
        }
        return set;
    }
}
