package org.tipline.gateway.platform.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.tipline.gateway.platform.worker.BackgroundTask;
import org.tipline.gateway.platform.worker.Round;
import org.tipline.gateway.platform.worker.WorkerSettings;
import org.tipline.gateway.platform.worker.Workers;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;

/**
 * Changes that every instance must hear about at once, such as a revoked credential, pushed through PostgreSQL's
 * {@code LISTEN}/{@code NOTIFY}: triggers on the tables concerned (migration V6) notify channel {@code tipline_changes}
 * with the table's name when a changing transaction commits, whoever made it; the {@code change-listener} worker of
 * every instance hears it within moments and moves that topic's {@link #generation}. Caches keep what they read with
 * the generation they read it at and trust it only while the generation is unchanged and the listener
 * {@link #isListening()}; a lost connection (notices may have been missed) moves every generation.
 */
@ApplicationScoped
public class ChangeNotices implements BackgroundTask {

    static final String CHANNEL = "tipline_changes";
    /** The listening session's name in {@code pg_stat_activity}. */
    public static final String APPLICATION_NAME = "tipline-change-listener";
    private static final Logger LOGGER = Logger.getLogger(ChangeNotices.class);
    private static final Duration WAIT = Duration.ofMillis(500);
    /** How often the listening connection proves it is alive, between notices. */
    private static final Duration PROBE_EVERY = Duration.ofSeconds(5);

    private final AgroalDataSource dataSource;
    private final Workers workers;
    private final Map<String, AtomicLong> generations = new ConcurrentHashMap<>();
    /** Moved on every (re)connect and disconnect: a component of every topic's generation. */
    private final AtomicLong epoch = new AtomicLong();
    private volatile boolean listening;
    private Connection connection;
    private long probedAt;

    ChangeNotices(AgroalDataSource dataSource, Workers workers) {
        this.dataSource = dataSource;
        this.workers = workers;
    }

    void start(@Observes StartupEvent event) {
        workers.start("change-listener", WorkerSettings.polling(Duration.ZERO)
                .backingOff(Duration.ofMillis(200), Duration.ofSeconds(5)), this);
    }

    /**
     * Moves {@code topic}'s generation here at once, after this instance committed a change of it: its own caches need
     * not wait for the notice (which every instance, this one included, also gets).
     */
    public void changedHere(String topic) {
        counter(topic).incrementAndGet();
    }

    /** True while this instance is sure to hear every notice: only then may a cache trust what it kept. */
    public boolean isListening() {
        return listening;
    }

    /** Changes whenever {@code topic} is announced or notices may have been missed. */
    public long generation(String topic) {
        return epoch.get() * 1_000_000_007L + counter(topic).get();
    }

    @Override
    public void open() throws SQLException {
        connection = dataSource.getConnection();
        connection.setAutoCommit(true);
        try (Statement listen = connection.createStatement()) {
            listen.execute("SET application_name = '" + APPLICATION_NAME + "'");
            listen.execute("LISTEN " + CHANNEL);
        }
        probedAt = System.nanoTime();
        epoch.incrementAndGet(); // whatever happened while no one listened is forgotten
        listening = true;
        LOGGER.debug("Listening for change notices");
    }

    @Override
    public Round round() throws SQLException {
        PGNotification[] notices = connection.unwrap(PGConnection.class).getNotifications((int) WAIT.toMillis());
        if (notices != null) {
            for (PGNotification notice : notices) {
                counter(notice.getParameter()).incrementAndGet();
            }
        }
        if (System.nanoTime() - probedAt > PROBE_EVERY.toNanos()) {
            try (Statement probe = connection.createStatement()) {
                probe.execute("SELECT 1");
            }
            probedAt = System.nanoTime();
        }
        return Round.MORE;
    }

    private AtomicLong counter(String topic) {
        return generations.computeIfAbsent(topic, t -> new AtomicLong());
    }

    @Override
    public void close() {
        listening = false;
        epoch.incrementAndGet();
        if (connection != null) {
            try (Statement reset = connection.createStatement()) {
                reset.execute("UNLISTEN *; RESET application_name"); // the pool hands the connection out again
            } catch (SQLException e) {
                LOGGER.debugf("Resetting the listening connection failed with SQL state %s", e.getSQLState());
            }
            try {
                connection.close();
            } catch (SQLException e) {
                LOGGER.debugf("Closing the listening connection failed with SQL state %s", e.getSQLState());
            }
            connection = null;
        }
    }
}
