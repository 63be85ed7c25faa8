package org.tipline.gateway.report;

/** The report's state does not allow the requested change (finish a retracted report, retract a submitted one…). */
public class ReportStateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReportStateException(String message) {
        super(message);
    }
}
