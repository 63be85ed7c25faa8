package org.tipline.gateway.platform.worker;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the background workers: DOWN while any worker has failed and not yet completed a round since, is stuck
 * in a round, or lost its thread; the data names each worker with its state and, when unhealthy, why.
 */
@Readiness
@ApplicationScoped
public class WorkersHealthCheck implements HealthCheck {

    static final String NAME = "Background workers";

    private final Workers workers;

    WorkersHealthCheck(Workers workers) {
        this.workers = workers;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up();
        for (Worker.Status status : workers.statuses()) {
            response.withData(status.name(), status.state() + (status.reason() == null ? "" : ": " + status.reason()));
            if (!status.healthy()) {
                response.down();
            }
        }
        return response.build();
    }
}
