package org.tipline.gateway.report;

import java.util.UUID;

import org.tipline.gateway.platform.errors.NotFoundException;

/** No evidence file with this id is visible to the caller (in that report, or at that destination). */
public class ReportFileNotFoundException extends NotFoundException {

    private static final long serialVersionUID = 1L;

    public ReportFileNotFoundException(UUID id) {
        super("No file " + id);
    }

    /** For an id from a path that is not even a UUID. */
    public ReportFileNotFoundException(String id) {
        super("No file " + shown(id));
    }
}
