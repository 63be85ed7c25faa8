package org.tipline.gateway.report;

import java.util.UUID;

import org.tipline.gateway.platform.errors.NotFoundException;

/** No report with this id is visible to the caller (it may exist and belong to someone else). */
public class ReportNotFoundException extends NotFoundException {

    private static final long serialVersionUID = 1L;

    public ReportNotFoundException(UUID id) {
        super("No report " + id);
    }

    /** For an id from a path that is not even a UUID. */
    public ReportNotFoundException(String id) {
        super("No report " + shown(id));
    }
}
