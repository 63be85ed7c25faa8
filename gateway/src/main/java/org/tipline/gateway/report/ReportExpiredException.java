package org.tipline.gateway.report;

import java.util.UUID;

/** An open report's time ran out before the change the platform asked for: 409; the report becomes EXPIRED. */
public class ReportExpiredException extends ReportStateException {

    private static final long serialVersionUID = 1L;
    private final UUID reportId;

    public ReportExpiredException(UUID reportId) {
        super("Report " + reportId + " has expired; open a new report");
        this.reportId = reportId;
    }

    public UUID reportId() {
        return reportId;
    }
}
