package org.tipline.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.tipline.core.envelope.AckSigner;
import org.tipline.core.envelope.EnvelopeOpener;
import org.tipline.core.envelope.ReceiverKeys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The receivers' side of the test stack: the private keys the gateway generated for each destination (as a local
 * run does), to open envelopes and to sign Kafka acknowledgements as that destination would.
 */
public final class TestReceivers {

    private static final Map<String, EnvelopeOpener> OPENERS = new ConcurrentHashMap<>();

    private TestReceivers() {
    }

    /** The private JWKS of {@code destination}. */
    public static Path privateKeys(String destination) {
        return ReceiverKeys.privateFile(TestStack.get().directory().resolve("keys").resolve("receivers"), destination);
    }

    /** The envelope with its sealed content opened by its destination's key. */
    public static ObjectNode open(JsonNode envelope) {
        String destination = envelope.path("destination").asText();
        try {
            return OPENERS.computeIfAbsent(destination, d -> {
                try {
                    return new EnvelopeOpener(ReceiverKeys.read(privateKeys(d)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).open(envelope);
        } catch (IOException e) {
            throw new UncheckedIOException("The envelope for " + destination + " cannot be opened", e);
        }
    }

    /** The acknowledgement signed with {@code destination}'s key, as the acks topic requires. */
    public static String signedAck(String destination, ObjectNode ack) {
        try {
            return new AckSigner(ReceiverKeys.key(ReceiverKeys.read(privateKeys(destination)), "sig")).sign(ack);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
