package org.tipline.ncmec.filing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One envelope's filing with NCMEC as the progress store holds it.
 *
 * @param envelope the verified envelope, null once the filing is done
 * @param ncmecReportId the CyberTipline report of the current attempt, once submitted
 * @param outcome ACCEPTED, REJECTED or SKIPPED once known; otherwise null
 * @param files the evidence files of the current attempt, by position; empty before submission
 */
public record Filing(UUID messageId, UUID reportId, String kind, int priority, Instant receivedAt, byte[] envelope,
        Step step, Long ncmecReportId, String outcome, String outcomeReason, int attempts, List<FilingFile> files) {

    /** How far the filing got. */
    public enum Step {
        /** Stored; nothing sent to NCMEC for the current attempt. */
        RECEIVED,
        /** A submit was sent; if its answer was lost, an unfinished report may exist and will expire. */
        SUBMITTING,
        /** The report is open at NCMEC; its files are being added. */
        SUBMITTED,
        /** A finish was sent; sending it again is safe (5102 means it was finished). */
        FINISHING,
        /** Finished at NCMEC; the gateway is told next. */
        FINISHED,
        /** The open report is being retracted, to file again or because NCMEC refused it. */
        RETRACTING,
        /** NCMEC refused the payload; the gateway is told next. */
        REFUSED,
        /** Nothing more to do. */
        DONE
    }

    public Filing {
        files = List.copyOf(files);
    }

    /** A file of the current attempt. */
    public record FilingFile(int position, UUID gatewayFileId, FileStep step, String ncmecFileId, String md5) {
    }

    /** How far a file got in the current attempt. */
    public enum FileStep {
        PENDING, UPLOADING, UPLOADED, DESCRIBING, DESCRIBED
    }
}
