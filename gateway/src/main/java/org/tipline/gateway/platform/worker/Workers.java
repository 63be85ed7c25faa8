package org.tipline.gateway.platform.worker;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;

/**
 * Every background worker of this instance: the relay, the acknowledgement consumer, the audit sequencer and feed, the
 * housekeeping jobs. Components start theirs here at start-up; all stop, newest first, when the application stops.
 * Exports {@code tipline.worker.up{worker}} and {@code tipline.worker.failures{worker}}; {@link WorkersHealthCheck}
 * turns readiness DOWN while any is unhealthy.
 */
@ApplicationScoped
public class Workers {

    private static final Logger LOGGER = Logger.getLogger(Workers.class);

    private final Instance<RoundListener> listeners;
    private final WorkersConfig config;
    private final MeterRegistry metrics;
    private final Map<String, Worker> workers = Collections.synchronizedMap(new LinkedHashMap<>());

    Workers(Instance<RoundListener> listeners, WorkersConfig config, MeterRegistry metrics) {
        this.listeners = listeners;
        this.config = config;
        this.metrics = metrics;
    }

    /** Starts {@code task} as worker {@code name}; a name can be started once per instance. */
    public Worker start(String name, WorkerSettings settings, BackgroundTask task) {
        Worker worker = new Worker(name, settings, task, () -> listeners, config.stuckAfter());
        if (workers.putIfAbsent(name, worker) != null) {
            throw new IllegalStateException("Worker " + name + " is already running");
        }
        Gauge.builder("tipline.worker.up", worker, w -> w.status().healthy() ? 1 : 0)
                .description("1 while the background worker is healthy").tag("worker", name).register(metrics);
        Gauge.builder("tipline.worker.failures", worker, w -> w.status().failures())
                .description("Unexpected failures of the background worker since start").tag("worker", name)
                .register(metrics);
        worker.start();
        LOGGER.debugf("Worker %s started", name);
        return worker;
    }

    /** The worker of that name, if this instance runs it. */
    public Optional<Worker> get(String name) {
        return Optional.ofNullable(workers.get(name));
    }

    /** Every worker's status, in start order. */
    public List<Worker.Status> statuses() {
        synchronized (workers) {
            return workers.values().stream().map(Worker::status).toList();
        }
    }

    void stopAll(@Observes ShutdownEvent event) {
        List<Worker> running;
        synchronized (workers) {
            running = new ArrayList<>(workers.values());
        }
        Collections.reverse(running);
        running.forEach(worker -> worker.stop(config.stopTimeout()));
    }
}
