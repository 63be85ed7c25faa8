package org.tipline.gateway.report;

import java.sql.Connection;
import java.sql.SQLException;
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

    ReportMessageContents(ReportRepository reports, AdditionRepository additions, FileRepository files) {
        this.reports = reports;
        this.additions = additions;
        this.files = files;
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
        Map<UUID, List<ReportFile>> filesBySource = files.forwardedWith(connection, reportContentIds, additionIds);
        Map<UUID, ReportDocument> details = files.details(connection, filesBySource.values().stream()
                .flatMap(List::stream).filter(ReportFile::hasDetails).map(ReportFile::id).toList());
        Map<UUID, Content> contents = new HashMap<>();
        for (OutboxMessage message : batch) {
            Report report = metadata.get(message.reportId());
            UUID source = message.additionId() != null ? message.additionId() : message.reportId();
            ReportDocument document = message.additionId() != null
                    ? additionContents.get(source)
                    : reportContents.get(source);
            if (report == null || document == null) {
                continue;
            }
            List<File> attached = filesBySource.getOrDefault(source, List.of()).stream()
                    .map(file -> new File(file.id(), file.sizeBytes(), file.sha256Hex(), file.md5Hex(),
                            file.mediaType(), details.get(file.id())))
                    .toList();
            contents.put(message.messageId(), new Content(report.platformId(), report.submittedAt(), document,
                    attached));
        }
        return contents;
    }
}
