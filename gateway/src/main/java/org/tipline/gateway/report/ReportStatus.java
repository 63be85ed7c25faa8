package org.tipline.gateway.report;

import java.util.List;

import org.tipline.gateway.delivery.DeliveryStatus;

/** A report's metadata, files and per-destination delivery, as its platform may read them (no content). */
public record ReportStatus(Report report, List<ReportFile> files, List<DeliveryStatus> deliveries) {

    public ReportStatus {
        files = List.copyOf(files);
        deliveries = List.copyOf(deliveries);
    }
}
