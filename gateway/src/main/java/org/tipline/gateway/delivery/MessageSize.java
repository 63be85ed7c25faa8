package org.tipline.gateway.delivery;

import java.util.List;

/**
 * What a message will carry, as the feature queuing it knows it, so delivery can bound its envelope's size before
 * accepting it.
 *
 * @param documentBytes bytes of the canonical document (report, supplement or escalation)
 * @param fileDetailsBytes for each file the message forwards, the bytes of its stored details (0 without)
 */
public record MessageSize(long documentBytes, List<Integer> fileDetailsBytes) {

    public MessageSize {
        if (documentBytes < 0) {
            throw new IllegalArgumentException("documentBytes < 0");
        }
        fileDetailsBytes = List.copyOf(fileDetailsBytes);
    }
}
