package org.tipline.gateway.report;

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

import org.tipline.gateway.delivery.MessageContents;
import org.tipline.gateway.delivery.OutboxMessage;
import org.tipline.gateway.kernel.ReportDocument;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the relay's envelopes carry, read from the report's tables: a REPORT carries the report and the files submitted
 * with it, a SUPPLEMENT or ESCALATION its addition (and a supplement its files). Reads what a batch needs in a few
 * queries, decrypting as it goes.
 */
@ApplicationScoped
public class ReportMessageContents implements MessageContents {

    private final ReportRepository reports;
    private final AdditionRepository additions;
    private final FileRepository files;
    private final ObjectMapper json;

    ReportMessageContents(ReportRepository reports, AdditionRepository additions, FileRepository files,
            ObjectMapper json) {
        this.reports = reports;
        this.additions = additions;
        this.files = files;
        this.json = json;
    }

    @Override
    public Map<UUID, Content> of(Connection connection, List<OutboxMessage> batch) throws SQLException {
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
        Map<UUID, List<File>> filesBySource = new HashMap<>();
        Map<UUID, Content> contents = new HashMap<>();
        for (OutboxMessage message : batch) {
            Report report = metadata.get(message.reportId());
            ReportDocument document = message.additionId() != null
                    ? additionContents.get(message.additionId())
                    : reportContents.get(message.reportId());
            if (report == null || document == null) {
                continue;
            }
            UUID source = message.additionId() != null ? message.additionId() : message.reportId();
            List<File> attached = filesBySource.get(source);
            if (attached == null) {
                attached = files(connection, message.additionId() != null
                        ? files.ofAddition(connection, source)
                        : files.submittedWith(connection, source));
                filesBySource.put(source, attached);
            }
            contents.put(message.messageId(), new Content(report.platformId(), report.submittedAt(), tree(document),
                    attached));
        }
        return contents;
    }

    private List<File> files(Connection connection, List<ReportFile> attached) throws SQLException {
        List<File> result = new ArrayList<>(attached.size());
        for (ReportFile file : attached) {
            JsonNode details = files.details(connection, file.id()).map(this::tree).orElse(null);
            result.add(new File(file.id(), file.sizeBytes(), file.sha256Hex(), file.md5Hex(), file.mediaType(),
                    details));
        }
        return result;
    }

    private JsonNode tree(ReportDocument document) {
        try {
            return json.readTree(document.canonicalBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Stored content is not JSON", e);
        }
    }
}
