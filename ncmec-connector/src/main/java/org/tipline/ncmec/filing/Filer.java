package org.tipline.ncmec.filing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tipline.core.envelope.EnvelopeOpener;
import org.tipline.ncmec.api.Answer;
import org.tipline.ncmec.api.CyberTiplineClient;
import org.tipline.ncmec.api.NoAnswerException;
import org.tipline.ncmec.api.Verdict;
import org.tipline.ncmec.filing.Filing.FileStep;
import org.tipline.ncmec.filing.Filing.FilingFile;
import org.tipline.ncmec.filing.Filing.Step;
import org.tipline.ncmec.xml.CyberTiplineSchema;
import org.tipline.ncmec.xml.FileDetailsXml;
import org.tipline.ncmec.xml.ReportXml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The filing state machine (docs/ncmec-connector.md): submit → upload each file (streamed from the gateway, its MD5
 * checked against the gateway's and NCMEC's) → fileinfo → finish → acknowledge. Every step is recorded before and
 * after the call that makes it, so a crash or restart resumes without filing twice:
 * <ul>
 * <li>a submit whose answer was lost is sent again: the report it may have opened is never finished, and NCMEC
 * deletes it;</li>
 * <li>an upload or fileinfo whose answer was lost makes the report's content uncertain: it is retracted and filed
 * again;</li>
 * <li>a finish whose answer was lost is sent again: 5102 means it was finished;</li>
 * <li>a report NCMEC deleted unfinished (5001) is filed again.</li>
 * </ul>
 * Server-side failures back off and retry; a payload NCMEC refuses ends as a REJECTED acknowledgement carrying its
 * code and description, the partial report retracted; refused credentials pause all filing until an operator acts.
 * Logs name ids and codes only, never content or NCMEC's descriptions.
 */
public final class Filer {

    private static final Logger LOGGER = LoggerFactory.getLogger(Filer.class);
    private static final String PLACEHOLDER_FILE_ID = "0".repeat(32);
    private static final Duration WAIT_FOR_ORIGINAL = Duration.ofSeconds(30);

    /** What a step achieved: go on with the next step, or stop for now (done, waiting, or to retry later). */
    private enum Next {
        CONTINUE, STOP
    }

    private final FilingStore store;
    private final CyberTiplineClient ncmec;
    private final GatewayClient gateway;
    private final EnvelopeOpener opener;
    private final ReportXml reports;
    private final FileDetailsXml fileDetails;
    private final CyberTiplineSchema schema;
    private final Clock clock;
    private final Duration minBackoff;
    private final Duration maxBackoff;
    private final MeterRegistry metrics;
    private final Duration lease;
    private final String instance;
    private final ObjectMapper json = new ObjectMapper();
    private final ScheduledExecutorService leases = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "tipline-ncmec-lease");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Instant pausedUntil = Instant.MIN;
    private volatile String pauseReason;

    public Filer(FilingStore store, CyberTiplineClient ncmec, GatewayClient gateway, EnvelopeOpener opener,
            CyberTiplineSchema schema,
            Clock clock, Duration minBackoff, Duration maxBackoff, Duration lease, MeterRegistry metrics) {
        this.store = store;
        this.ncmec = ncmec;
        this.gateway = gateway;
        this.opener = opener;
        this.schema = schema;
        this.reports = new ReportXml(schema);
        this.fileDetails = new FileDetailsXml(schema);
        this.clock = clock;
        this.minBackoff = minBackoff;
        this.maxBackoff = maxBackoff;
        this.metrics = metrics;
        this.lease = lease;
        this.instance = "connector-" + UUID.randomUUID();
    }

    /** Works on the most urgent filing that is due, as far as it can go now; false when none was due. */
    public boolean workOnce() {
        if (clock.instant().isBefore(pausedUntil)) {
            return false;
        }
        Optional<Filing> claimed = store.claimNext(instance, lease, clock.instant());
        if (claimed.isEmpty()) {
            return false;
        }
        UUID messageId = claimed.get().messageId();
        ScheduledFuture<?> renewal = leases.scheduleAtFixedRate(() -> renew(messageId), lease.toMillis() / 3,
                lease.toMillis() / 3, TimeUnit.MILLISECONDS);
        try {
            Next next = Next.CONTINUE;
            while (next == Next.CONTINUE) {
                next = advance(store.load(messageId));
            }
        } finally {
            renewal.cancel(false);
            store.release(messageId);
        }
        return true;
    }

    /** Keeps the claim while a long step (an upload) runs; a failed renewal is retried at the next tick. */
    private void renew(UUID messageId) {
        try {
            store.renew(messageId, instance, lease, clock.instant());
        } catch (RuntimeException e) {
            LOGGER.warn("The claim on message {} could not be renewed ({})", messageId, e.getClass().getSimpleName());
        }
    }

    /** Stops renewing claims; call when the filer stops. */
    public void close() {
        leases.shutdownNow();
    }

    /** Why filing is paused (NCMEC refused the credentials), or empty. */
    public Optional<String> pauseReason() {
        return clock.instant().isBefore(pausedUntil) ? Optional.ofNullable(pauseReason) : Optional.empty();
    }

    private Next advance(Filing filing) {
        return switch (filing.step()) {
            case RECEIVED -> submit(filing);
            case SUBMITTING -> {
                store.startOver(filing.messageId(), null, "the answer to a submit was lost; the report it may have"
                        + " opened is left unfinished, for NCMEC to delete");
                yield Next.CONTINUE;
            }
            case SUBMITTED -> addFiles(filing);
            case FINISHING -> finish(filing);
            case FINISHED -> acknowledge(filing);
            case RETRACTING -> retract(filing);
            case REFUSED -> reject(filing);
            case DONE -> Next.STOP;
        };
    }

    private Next submit(Filing filing) {
        Prepared prepared;
        try {
            Optional<Prepared> ready = prepare(filing);
            if (ready.isEmpty()) {
                return Next.STOP;
            }
            prepared = ready.get();
        } catch (UnrenderableException e) {
            store.refused(filing.messageId(), "The report cannot be rendered as a CyberTipline report that NCMEC's"
                    + " schema accepts: " + e.getMessage());
            count("refused-before-filing");
            return Next.CONTINUE;
        }
        store.step(filing.messageId(), Step.SUBMITTING);
        Answer answer;
        try {
            answer = ncmec.submit(prepared.report());
        } catch (NoAnswerException e) {
            store.startOver(filing.messageId(), null, e.getMessage());
            return retry(filing, null, e.getMessage());
        }
        call("submit", answer);
        return switch (answer.verdict()) {
            case SUCCESS -> {
                if (answer.reportId() == null) {
                    store.startOver(filing.messageId(), null, "NCMEC's answer to submit had no report id");
                    yield retry(filing, answer.code(), "no report id in the answer to submit");
                }
                store.submitted(filing.messageId(), answer.reportId(), prepared.fileIds());
                LOGGER.info("Opened CyberTipline report {} for gateway report {} (message {}, Request-ID {})",
                        answer.reportId(), filing.reportId(), filing.messageId(), answer.requestId());
                yield Next.CONTINUE;
            }
            case PAYLOAD -> {
                store.refused(filing.messageId(), refusal(answer));
                yield Next.CONTINUE;
            }
            default -> {
                store.startOver(filing.messageId(), null, "submit: " + answer.summary());
                yield failed(filing, answer, "submit");
            }
        };
    }

    private Next addFiles(Filing filing) {
        JsonNode envelope = envelope(filing);
        for (FilingFile file : filing.files()) {
            JsonNode reference = envelope.path("files").path(file.position());
            Next next = switch (file.step()) {
                case PENDING -> upload(filing, file, reference);
                case UPLOADED -> describe(filing, file, reference);
                case UPLOADING, DESCRIBING -> retractAndStartOver(filing, "a call for file " + file.gatewayFileId()
                        + " was interrupted; the report's content is uncertain");
                case DESCRIBED -> null;
            };
            if (next != null) {
                return next;
            }
        }
        store.step(filing.messageId(), Step.FINISHING);
        return Next.CONTINUE;
    }

    private Next upload(Filing filing, FilingFile file, JsonNode reference) {
        store.fileStep(filing.messageId(), file.position(), FileStep.UPLOADING, null, null);
        Answer answer;
        String sent;
        try (InputStream content = gateway.file(reference.path("href").asText())) {
            MessageDigest md5 = md5();
            answer = ncmec.upload(filing.ncmecReportId(), fileName(file.gatewayFileId(), reference),
                    reference.path("mediaType").asText("application/octet-stream"),
                    new DigestInputStream(content, md5));
            sent = HexFormat.of().formatHex(md5.digest());
        } catch (NoAnswerException e) {
            if (e.maybeCarriedOut()) {
                return retractAndStartOver(filing, e.getMessage());
            }
            store.fileStep(filing.messageId(), file.position(), FileStep.PENDING, null, null);
            return retry(filing, null, e.getMessage());
        } catch (IOException | UncheckedIOException e) {
            store.fileStep(filing.messageId(), file.position(), FileStep.PENDING, null, null);
            return retry(filing, null, "the evidence could not be fetched from the gateway ("
                    + e.getClass().getSimpleName() + ")");
        }
        call("upload", answer);
        if (answer.verdict() == Verdict.SUCCESS) {
            if (!sent.equalsIgnoreCase(reference.path("md5").asText())) {
                return retractAndStartOver(filing, "the evidence the gateway served does not match its MD5");
            }
            if (!sent.equalsIgnoreCase(String.valueOf(answer.hash()))) {
                return retractAndStartOver(filing, "NCMEC received other bytes than were sent (MD5 differs)");
            }
            store.fileStep(filing.messageId(), file.position(), FileStep.UPLOADED, answer.fileId(), sent);
            return Next.CONTINUE;
        }
        store.fileStep(filing.messageId(), file.position(), FileStep.PENDING, null, null);
        return afterFileFailure(filing, answer, "upload");
    }

    private Next describe(Filing filing, FilingFile file, JsonNode reference) {
        byte[] details = fileDetails.render(filing.ncmecReportId(), file.ncmecFileId(), details(reference));
        Optional<String> problem = schema.problem(details);
        if (problem.isPresent()) {
            return refuse(filing, "The file details cannot be rendered as NCMEC's schema requires: " + problem.get());
        }
        store.fileStep(filing.messageId(), file.position(), FileStep.DESCRIBING, null, null);
        Answer answer;
        try {
            answer = ncmec.fileInfo(details);
        } catch (NoAnswerException e) {
            if (e.maybeCarriedOut()) {
                return retractAndStartOver(filing, e.getMessage());
            }
            store.fileStep(filing.messageId(), file.position(), FileStep.UPLOADED, null, null);
            return retry(filing, null, e.getMessage());
        }
        call("fileinfo", answer);
        if (answer.verdict() == Verdict.SUCCESS) {
            store.fileStep(filing.messageId(), file.position(), FileStep.DESCRIBED, null, null);
            return Next.CONTINUE;
        }
        store.fileStep(filing.messageId(), file.position(), FileStep.UPLOADED, null, null);
        return afterFileFailure(filing, answer, "fileinfo");
    }

    private Next afterFileFailure(Filing filing, Answer answer, String call) {
        return switch (answer.verdict()) {
            case PAYLOAD -> refuse(filing, refusal(answer));
            case NO_SUCH_REPORT -> startOver(filing, "NCMEC no longer has the unfinished report (5001): it expired");
            case NO_SUCH_FILE, ALREADY_RETRACTED, ALREADY_FINISHED -> retractAndStartOver(filing, call + ": "
                    + answer.summary());
            default -> failed(filing, answer, call);
        };
    }

    private Next finish(Filing filing) {
        Answer answer;
        try {
            answer = ncmec.finish(filing.ncmecReportId());
        } catch (NoAnswerException e) {
            return retry(filing, null, e.getMessage() + "; finish will be sent again (5102 means it was finished)");
        }
        call("finish", answer);
        return switch (answer.verdict()) {
            case SUCCESS, ALREADY_FINISHED -> {
                store.finished(filing.messageId(), followUpBasis(filing), clock.instant());
                count("finished");
                LOGGER.info("Finished CyberTipline report {} for gateway report {} (message {}, {}{})",
                        filing.ncmecReportId(), filing.reportId(), filing.messageId(), filing.kind(),
                        answer.verdict() == Verdict.ALREADY_FINISHED ? ", reconciled: it was finished already" : "");
                yield Next.CONTINUE;
            }
            case PAYLOAD -> refuse(filing, refusal(answer));
            case NO_SUCH_REPORT, ALREADY_RETRACTED -> startOver(filing, "finish: " + answer.summary());
            default -> failed(filing, answer, "finish");
        };
    }

    private Next acknowledge(Filing filing) {
        if (filing.kind().equals("REPORT")) {
            try {
                GatewayClient.AckResult result = gateway.accept(filing.messageId(), filing.reportId(),
                        filing.ncmecReportId());
                if (result != GatewayClient.AckResult.RECORDED) {
                    LOGGER.warn("The gateway did not record the acceptance of report {} ({})", filing.reportId(),
                            result);
                }
            } catch (IOException e) {
                return retry(filing, null, "the gateway could not be told (" + e.getClass().getSimpleName() + ")");
            }
        }
        store.done(filing.messageId());
        return Next.STOP;
    }

    private Next retract(Filing filing) {
        if (filing.ncmecReportId() == null) {
            return afterRetract(filing);
        }
        Answer answer;
        try {
            answer = ncmec.retract(filing.ncmecReportId());
        } catch (NoAnswerException e) {
            return retry(filing, null, e.getMessage());
        }
        call("retract", answer);
        return switch (answer.verdict()) {
            case SUCCESS, ALREADY_RETRACTED, NO_SUCH_REPORT -> afterRetract(filing);
            case ALREADY_FINISHED -> {
                LOGGER.warn("CyberTipline report {} of gateway report {} was finished although it was to be"
                        + " retracted; it stands", filing.ncmecReportId(), filing.reportId());
                store.finished(filing.messageId(), followUpBasis(filing), clock.instant());
                yield Next.CONTINUE;
            }
            default -> failed(filing, answer, "retract");
        };
    }

    private Next afterRetract(Filing filing) {
        if ("REJECTED".equals(filing.outcome())) {
            store.refused(filing.messageId(), filing.outcomeReason());
        } else {
            store.startOver(filing.messageId(), filing.ncmecReportId(), "retracted to file again");
        }
        return Next.CONTINUE;
    }

    private Next reject(Filing filing) {
        if (filing.kind().equals("REPORT")) {
            try {
                gateway.reject(filing.messageId(), filing.reportId(), filing.outcomeReason());
            } catch (IOException e) {
                return retry(filing, null, "the gateway could not be told (" + e.getClass().getSimpleName() + ")");
            }
        }
        count("rejected");
        LOGGER.warn("NCMEC refused gateway report {} (message {}, {}); acknowledged as REJECTED", filing.reportId(),
                filing.messageId(), filing.kind());
        store.done(filing.messageId());
        return Next.STOP;
    }

    /** Renders and checks the report and every file's details; empty when a follow-up must wait for its original. */
    private Optional<Prepared> prepare(Filing filing) {
        JsonNode envelope = envelope(filing);
        JsonNode original = null;
        Long originalId = null;
        if (!filing.kind().equals("REPORT")) {
            Optional<FilingStore.Original> found = store.original(filing.reportId());
            if (found.isEmpty() || found.get().outcome() == null) {
                retry(filing, null, "waiting for the original report to be filed", WAIT_FOR_ORIGINAL);
                return Optional.empty();
            }
            if (!"ACCEPTED".equals(found.get().outcome())) {
                store.skipped(filing.messageId(), "the original report was not filed with NCMEC ("
                        + found.get().outcome() + ")");
                return Optional.empty();
            }
            original = read(found.get().followUpBasis());
            originalId = found.get().ncmecReportId();
        }
        byte[] report;
        try {
            report = reports.render(new ReportXml.Input(filing.kind(), envelope.path("report"),
                    envelope.path("priority").asText(), filing.reportId(), envelope.path("platformId").asText(),
                    filing.messageId(), original, originalId));
        } catch (IllegalArgumentException e) {
            throw new UnrenderableException(e.getMessage());
        }
        check(report);
        List<UUID> fileIds = new java.util.ArrayList<>();
        for (JsonNode file : envelope.path("files")) {
            check(fileDetails.render(1L, PLACEHOLDER_FILE_ID, details(file)));
            fileIds.add(UUID.fromString(file.path("fileId").asText()));
        }
        return Optional.of(new Prepared(report, fileIds));
    }

    private void check(byte[] document) {
        schema.problem(document).ifPresent(problem -> {
            throw new UnrenderableException(problem);
        });
    }

    private Next retractAndStartOver(Filing filing, String problem) {
        LOGGER.warn("Retracting CyberTipline report {} of gateway report {} to file it again: {}",
                filing.ncmecReportId(), filing.reportId(), problem);
        store.retracting(filing.messageId(), null, problem);
        return Next.CONTINUE;
    }

    private Next startOver(Filing filing, String problem) {
        LOGGER.warn("Filing gateway report {} again: {}", filing.reportId(), problem);
        store.startOver(filing.messageId(), filing.ncmecReportId(), problem);
        return Next.CONTINUE;
    }

    private Next refuse(Filing filing, String reason) {
        store.retracting(filing.messageId(), reason, "NCMEC refused the payload");
        return Next.CONTINUE;
    }

    private Next failed(Filing filing, Answer answer, String call) {
        if (answer.verdict() == Verdict.AUTHENTICATION) {
            pausedUntil = clock.instant().plus(maxBackoff);
            pauseReason = "NCMEC refused the connector's credentials (" + answer.summary() + ")";
            LOGGER.error("{}: filing paused for {}; check TIPLINE_NCMEC_USERNAME and TIPLINE_NCMEC_PASSWORD",
                    pauseReason, maxBackoff);
        }
        return retry(filing, answer.code(), call + ": " + answer.summary());
    }

    private Next retry(Filing filing, Integer code, String problem) {
        return retry(filing, code, problem, backoff(filing.attempts()));
    }

    private Next retry(Filing filing, Integer code, String problem, Duration after) {
        LOGGER.warn("Gateway report {} (message {}) will be tried again in {}: {}", filing.reportId(),
                filing.messageId(), after, problem);
        store.retryAt(filing.messageId(), code, problem, clock.instant().plus(after));
        return Next.STOP;
    }

    private Duration backoff(int attempts) {
        Duration pause = minBackoff.multipliedBy(1L << Math.min(attempts, 16));
        Duration capped = pause.compareTo(maxBackoff) > 0 ? maxBackoff : pause;
        return capped.plusMillis(ThreadLocalRandom.current().nextLong(capped.toMillis() / 10 + 1));
    }

    private byte[] followUpBasis(Filing filing) {
        if (!filing.kind().equals("REPORT")) {
            return null;
        }
        try {
            return json.writeValueAsBytes(ReportXml.followUpBasis(envelope(filing).path("report")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String refusal(Answer answer) {
        return "NCMEC refused the report: code " + answer.code()
                + (answer.description() == null ? "" : ": " + answer.description());
    }

    /** The stored envelope, opened: it is stored as it arrived, sealed, so the store holds no content in clear. */
    private JsonNode envelope(Filing filing) {
        try {
            return opener.open(read(filing.envelope()));
        } catch (IOException e) {
            throw new UncheckedIOException("A stored envelope cannot be opened with the destination's key", e);
        }
    }

    private JsonNode read(byte[] bytes) {
        try {
            return json.readTree(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("A stored envelope is not JSON", e);
        }
    }

    private static JsonNode details(JsonNode fileReference) {
        JsonNode details = fileReference.path("details");
        return details.isObject() ? details : null;
    }

    private static String fileName(UUID fileId, JsonNode reference) {
        String mediaType = reference.path("mediaType").asText("");
        int slash = mediaType.indexOf('/');
        String subtype = slash < 0 ? "" : mediaType.substring(slash + 1).replaceAll("[^a-z0-9]", "");
        return fileId + (subtype.isEmpty() || subtype.length() > 10 ? ".bin" : "." + subtype);
    }

    private void call(String call, Answer answer) {
        metrics.counter("tipline.ncmec.calls", "call", call, "verdict", answer.verdict().name()).increment();
        LOGGER.debug("NCMEC {}: {}", call, answer.summary());
    }

    private void count(String outcome) {
        metrics.counter("tipline.ncmec.filings", "outcome", outcome).increment();
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is part of every Java runtime", e);
        }
    }

    /** The rendered report and the files it will carry. */
    private record Prepared(byte[] report, List<UUID> fileIds) {
    }

    /** What the envelope carries cannot be rendered as a valid CyberTipline document. */
    private static final class UnrenderableException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        UnrenderableException(String message) {
            super(message);
        }
    }
}
