package org.tipline.gateway.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.tipline.gateway.report.AdditionRepository;
import org.tipline.gateway.report.FileRepository;
import org.tipline.gateway.report.Report;
import org.tipline.gateway.report.ReportDocument;
import org.tipline.gateway.report.ReportFile;
import org.tipline.gateway.report.ReportRepository;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Builds the unsigned envelopes of a claimed outbox batch: a REPORT carries the report and the files submitted with
 * it, a SUPPLEMENT or ESCALATION carries its addition (and a supplement its files); every file with its details and
 * where the receiver fetches it. Reads what the batch needs in a few queries, decrypting as it goes.
 */
@ApplicationScoped
public class EnvelopeFactory {

    private final ReportRepository reports;
    private final AdditionRepository additions;
    private final FileRepository files;
    private final DeliveryConfig config;
    private final ObjectMapper json;

    EnvelopeFactory(ReportRepository reports, AdditionRepository additions, FileRepository files,
            DeliveryConfig config, ObjectMapper json) {
        this.reports = reports;
        this.additions = additions;
        this.files = files;
        this.config = config;
        this.json = json;
    }

    /** The envelopes of {@code batch}, in its order. */
    public List<Envelope> build(Connection connection, List<OutboxMessage> batch) throws SQLException {
        Set<UUID> reportIds = batch.stream().map(OutboxMessage::reportId).collect(Collectors.toSet());
        Set<UUID> reportContentIds = batch.stream().filter(m -> m.additionId() == null)
                .map(OutboxMessage::reportId).collect(Collectors.toSet());
        Set<UUID> additionIds = batch.stream().map(OutboxMessage::additionId).filter(id -> id != null)
                .collect(Collectors.toSet());
        Map<UUID, Report> metadata = reports.findAll(connection, reportIds);
        Map<UUID, ReportDocument> reportContents = reportContentIds.isEmpty()
                ? Map.of()
                : reports.contents(connection, reportContentIds);
        Map<UUID, ReportDocument> additionContents = additionIds.isEmpty()
                ? Map.of()
                : additions.contents(connection, additionIds);
        Map<UUID, List<ReportFile>> filesBySource = new HashMap<>();
        List<Envelope> envelopes = new ArrayList<>(batch.size());
        for (OutboxMessage message : batch) {
            UUID source = message.additionId() != null ? message.additionId() : message.reportId();
            List<ReportFile> attached = filesBySource.get(source);
            if (attached == null) {
                attached = message.additionId() != null
                        ? files.ofAddition(connection, source)
                        : files.submittedWith(connection, source);
                filesBySource.put(source, attached);
            }
            ReportDocument content = message.additionId() != null
                    ? additionContents.get(message.additionId())
                    : reportContents.get(message.reportId());
            envelopes.add(Envelope.from(message, metadata.get(message.reportId()), tree(content),
                    references(connection, message.destination(), attached)));
        }
        return envelopes;
    }

    private List<Envelope.FileReference> references(Connection connection, String destination,
            List<ReportFile> attached) throws SQLException {
        List<Envelope.FileReference> references = new ArrayList<>();
        for (ReportFile file : attached) {
            JsonNode details = files.details(connection, file.id()).map(this::tree).orElse(null);
            references.add(new Envelope.FileReference(file.id(), file.sizeBytes(), file.sha256Hex(), file.md5Hex(),
                    file.mediaType(), href(destination, file.id()), details));
        }
        return references;
    }

    private String href(String destination, UUID fileId) {
        return config.publicBaseUrl().map(base -> base.replaceAll("/+$", "")).orElse("") + "/v1/intake/"
                + destination + "/files/" + fileId;
    }

    private JsonNode tree(ReportDocument document) {
        try {
            return json.readTree(document.canonicalBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Stored content is not JSON", e);
        }
    }
}
