package org.tipline.gateway.report;

import java.util.UUID;

/** No report with this id is visible to the caller (it may exist and belong to someone else). */
public class ReportNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ReportNotFoundException(UUID id) {
        super("No report " + id);
    }

    public ReportNotFoundException(String id) {
        super("No report " + id);
    }
}
