package org.tipline.gateway.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.tipline.core.json.CanonicalJson;
import org.tipline.gateway.delivery.Forwarding;
import org.tipline.gateway.kernel.ReportCodes.FileAnnotation;
import org.tipline.gateway.kernel.ReportCodes.FileRelevance;
import org.tipline.gateway.kernel.ReportDocument;
import org.tipline.gateway.kernel.ReportFacts;
import org.tipline.gateway.kernel.ReportState;
import org.tipline.gateway.platform.errors.UnprocessableException;
import org.tipline.gateway.platform.errors.Violation;
import org.tipline.gateway.platform.errors.ViolationCode;
import org.tipline.gateway.report.ReportResults.Submitted;
import org.tipline.gateway.routing.PlatformRegistry;
import org.tipline.gateway.routing.Regime;
import org.tipline.gateway.routing.Router;
import org.tipline.gateway.routing.RoutingDecision;
import org.tipline.gateway.trail.AuditActor;
import org.tipline.gateway.trail.AuditEntries;
import org.tipline.gateway.trail.AuditEntry;
import org.tipline.gateway.trail.AuditTrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Finishing a report: the batched-mode file rules, routing and the destinations' profiles, the signed receipt, then
 * the frozen report with its delivery and outbox rows and its audit events. What it writes is planned first, outside
 * any transaction ({@link #plan}), so that many can be written together.
 */
@ApplicationScoped
class Submission {

    private final ReportRepository reports;
    private final FileRepository files;
    private final PlatformRegistry platforms;
    private final Router router;
    private final ReceiptSigner receipts;
    private final Forwarding forwarding;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final Clock clock;

    Submission(ReportRepository reports, FileRepository files, PlatformRegistry platforms, Router router,
            ReceiptSigner receipts, Forwarding forwarding, AuditTrail audit, ObjectMapper json, Clock clock) {
        this.reports = reports;
        this.files = files;
        this.platforms = platforms;
        this.router = router;
        this.receipts = receipts;
        this.forwarding = forwarding;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /**
     * What submitting a report writes, decided before any of it is written.
     *
     * @param submitted the report as it is frozen
     * @param queued its delivery to every destination
     * @param audit its event: submitted, with the routing decision
     */
    record Plan(Report submitted, Map<String, List<String>> rulesByDestination, String receipt,
            Forwarding.QueuedReport queued, List<AuditEntry> audit, Submitted result) {
    }

    /** Finishes {@code open}, whose evidence is looked up in the ledger, in the caller's transaction. */
    Submitted submit(Connection connection, AuditActor actor, Report open, ReportDocument document)
            throws SQLException {
        JsonNode tree = tree(document);
        Plan plan = plan(actor, open, document, tree, ReportFacts.of(tree), files.submittedWith(connection,
                open.id()), platforms.regimes(connection, open.platformId()));
        reports.submit(connection, plan.submitted(), plan.rulesByDestination(), plan.receipt());
        forwarding.queueReports(connection, List.of(plan.queued()));
        audit.record(connection, plan.audit());
        return plan.result();
    }

    /** The platform's regimes for routing, outside any transaction (kept for a while; platforms never change). */
    Set<Regime> regimes(String platformId) {
        return platforms.regimes(platformId);
    }

    /**
     * Decides how {@code open} is submitted with the evidence it has and its platform's {@code regimes}: routes it, signs its receipt and checks its
     * envelope fits a Kafka message. Writes nothing.
     *
     * @throws UnprocessableException when it cannot be submitted: batched-mode file rules, no route, a destination's
     *         profile, too large to forward
     */
    Plan plan(AuditActor actor, Report open, ReportDocument document, JsonNode tree, ReportFacts facts,
            List<ReportFile> reportFiles, Set<Regime> regimes) {
        checkBatch(facts, reportFiles);
        RoutingDecision decision = router.route(tree, facts, regimes);
        Instant now = clock.instant();
        Report submitted = new Report(open.id(), open.platformId(), ReportState.SUBMITTED, open.incidentType(),
                open.priority(), open.openedAt(), now, now, null);
        String receipt = receipts.sign(submitted, document.digest(), reportFiles, decision.destinations());
        Forwarding.QueuedReport queued = forwarding.prepareReport(open.id(), decision.destinations(),
                open.priority(), now, ReportFile.sizeOf(document, reportFiles));
        List<AuditEntry> events = List.of(AuditEntries.reportSubmitted(actor, open.platformId(), open.id(),
                document.digest(), reportFiles.stream().map(ReportFile::sha256Hex).toList(), decision.destinations(),
                HexFormat.of().formatHex(CanonicalJson.sha256(receipt.getBytes(StandardCharsets.UTF_8))),
                decision.rulesByDestination()));
        return new Plan(submitted, decision.rulesByDestination(), receipt, queued, events,
                new Submitted(open.id(), ReportState.SUBMITTED, now, decision.destinations(), receipt));
    }

    /** Batched mode: exactly one file, annotated VIRAL and/or POTENTIAL_MEME, relevance REPORTED. */
    private static void checkBatch(ReportFacts facts, List<ReportFile> reportFiles) {
        if (!facts.batched()) {
            return;
        }
        if (reportFiles.size() != 1) {
            throw new UnprocessableException("A batched report needs exactly one file", List.of(new Violation(
                    "/files", ViolationCode.BATCH_FILE_COUNT, "a batched report must have exactly one file, has "
                            + reportFiles.size())));
        }
        ReportFile file = reportFiles.get(0);
        List<Violation> violations = new ArrayList<>();
        if (!file.annotations().contains(FileAnnotation.VIRAL)
                && !file.annotations().contains(FileAnnotation.POTENTIAL_MEME)) {
            violations.add(new Violation("/files/0/annotations", ViolationCode.BATCH_FILE_NOT_ELIGIBLE,
                    "the file of a batched report must be annotated VIRAL and/or POTENTIAL_MEME"));
        }
        if (file.relevance() != FileRelevance.REPORTED) {
            violations.add(new Violation("/files/0/relevance", ViolationCode.BATCH_FILE_NOT_ELIGIBLE,
                    "the file of a batched report must have relevance REPORTED"));
        }
        if (!violations.isEmpty()) {
            throw new UnprocessableException("The batched report's file is not eligible", violations);
        }
    }

    JsonNode tree(ReportDocument document) {
        try {
            return json.readTree(document.canonicalBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("A stored report document is not JSON", e);
        }
    }
}
