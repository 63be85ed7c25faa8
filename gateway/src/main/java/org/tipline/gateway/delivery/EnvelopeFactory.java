package org.tipline.gateway.delivery;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Builds the unsigned envelopes of a claimed outbox batch from what {@link MessageContents} yields: every file with
 * its details and where the receiver fetches it. A message whose content is gone gets no envelope (and the relay
 * parks it) instead of failing the batch.
 */
@ApplicationScoped
public class EnvelopeFactory {

    private final MessageContents contents;
    private final DeliveryConfig config;

    EnvelopeFactory(MessageContents contents, DeliveryConfig config) {
        this.contents = contents;
        this.config = config;
    }

    /** The envelopes of {@code batch}, in its order; null for a message whose content is missing. */
    public List<Envelope> build(Connection connection, List<OutboxMessage> batch) throws SQLException {
        Map<UUID, MessageContents.Content> loaded = contents.of(connection, batch);
        List<Envelope> envelopes = new ArrayList<>(batch.size());
        for (OutboxMessage message : batch) {
            MessageContents.Content content = loaded.get(message.messageId());
            envelopes.add(content == null
                    ? null
                    : Envelope.from(message, content, references(message.destination(), content.files())));
        }
        return envelopes;
    }

    private List<Envelope.FileReference> references(String destination, List<MessageContents.File> files) {
        List<Envelope.FileReference> references = new ArrayList<>(files.size());
        for (MessageContents.File file : files) {
            references.add(new Envelope.FileReference(file.fileId(), file.sizeBytes(), file.sha256(), file.md5(),
                    file.mediaType(), href(destination, file.fileId()), file.details()));
        }
        return references;
    }

    private String href(String destination, UUID fileId) {
        return config.publicBaseUrl().map(base -> base.replaceAll("/+$", "")).orElse("") + "/v1/intake/"
                + destination + "/files/" + fileId;
    }
}
