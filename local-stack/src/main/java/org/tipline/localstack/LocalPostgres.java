package org.tipline.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server run from the binaries that ship as Maven artifacts, with its data in a folder that
 * survives restarts. Fails with an {@link IOException} when the server cannot start.
 */
public final class LocalPostgres implements AutoCloseable {

    /** Database that holds the ledger. */
    public static final String DATABASE = "tipline";
    /** Role that owns the schema and runs the migrations. */
    public static final String OWNER_ROLE = "tipline_owner";
    /** Role the running gateway connects as; it may not change or delete audit rows. */
    public static final String APP_ROLE = "tipline_app";

    /** Database and owning role of the NCMEC connector's filing progress, apart from the gateway's ledger. */
    public static final String CONNECTOR_DATABASE = "tipline_ncmec";
    public static final String CONNECTOR_ROLE = "tipline_ncmec";

    /** Password of the local roles; the local server only listens on the loopback address. */
    public static final String LOCAL_PASSWORD = "tipline-local";

    private static final Logger LOGGER = Logger.getLogger(LocalPostgres.class);

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres server;

    private LocalPostgres(Path dataDirectory, int port) {
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /** Starts the server on {@code port} with its data in {@code dataDirectory}, creating database and roles once. */
    public static LocalPostgres start(Path dataDirectory, int port) throws IOException {
        LocalPostgres postgres = new LocalPostgres(dataDirectory, port);
        postgres.start();
        postgres.createDatabaseAndRoles();
        return postgres;
    }

    /** (Re)starts a stopped server on the same port and data; used by fault-injection tests. */
    public synchronized void start() throws IOException {
        if (server != null) {
            return;
        }
        Files.createDirectories(dataDirectory);
        StaleServer.stopIfRunning(dataDirectory.resolve("postmaster.pid"));
        server = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                // zonky relaxes durability by default; the ledger must not.
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                // Unlike in deploy/kubernetes/postgres/cluster.yaml, the WAL shares its disk with the tables (and the
                // broker's log): new table pages, left dirty in the page cache, went to disk all at once when the
                // kernel found them 30 s old, a few hundred MB that commits then queued behind for up to 230 ms. Small
                // shared buffers evict pages within seconds, and each backend has what it evicts written at once
                // (docs/performance.md).
                .setServerConfig("shared_buffers", "64MB")
                .setServerConfig("backend_flush_after", "256kB")
                // A write-heavy ledger: checkpoints spaced by WAL volume, not every gigabyte, so that fewer pages are
                // written whole into the WAL again after each one (as in deploy/kubernetes/postgres/cluster.yaml).
                .setServerConfig("max_wal_size", "4GB")
                .setServerConfig("checkpoint_timeout", "15min")
                .setServerConfig("log_min_messages", "warning")
                .setServerConfig("log_min_error_statement", "panic")
                .start();
        LOGGER.infof("PostgreSQL listening on 127.0.0.1:%d, data in %s", port, dataDirectory);
    }

    /** Stops the server (fast shutdown), keeping its data. */
    public synchronized void stop() throws IOException {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } finally {
            server = null;
        }
        LOGGER.infof("PostgreSQL on port %d stopped", port);
    }

    public boolean isRunning() {
        return server != null;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    /** The JDBC URL of another database of this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Opens a superuser connection to the ledger database, for set-up and for tests that play an attacker. */
    public Connection superuserConnection() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "");
    }

    private void createDatabaseAndRoles() throws IOException {
        try (Connection connection = server.getPostgresDatabase().getConnection()) {
            for (String role : List.of(OWNER_ROLE, APP_ROLE, CONNECTOR_ROLE)) {
                if (!exists(connection, "SELECT 1 FROM pg_roles WHERE rolname = ?", role)) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("CREATE ROLE " + role + " LOGIN PASSWORD '" + LOCAL_PASSWORD + "'");
                    }
                }
            }
            for (String[] database : List.of(new String[]{DATABASE, OWNER_ROLE},
                    new String[]{CONNECTOR_DATABASE, CONNECTOR_ROLE})) {
                if (!exists(connection, "SELECT 1 FROM pg_database WHERE datname = ?", database[0])) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("CREATE DATABASE " + database[0] + " OWNER " + database[1]
                                + " ENCODING 'UTF8'");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IOException("Could not create the local database and roles", e);
        }
    }

    private static boolean exists(Connection connection, String sql, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    @Override
    public void close() throws IOException {
        stop();
    }

    /** A postmaster left running by a gateway that was killed: stop it so this start can take the data folder. */
    private static final class StaleServer {

        static void stopIfRunning(Path pidFile) throws IOException {
            if (!Files.exists(pidFile)) {
                return;
            }
            Optional<ProcessHandle> process = Files.readAllLines(pidFile).stream()
                    .findFirst()
                    .map(String::trim)
                    .filter(line -> line.matches("\\d+"))
                    .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
                    .filter(handle -> handle.info().command().map(c -> c.endsWith("postgres")).orElse(false));
            if (process.isEmpty()) {
                return;
            }
            LOGGER.warnf("Stopping PostgreSQL (pid %d) left running by an earlier run", process.get().pid());
            process.get().destroy();
            process.get().onExit().orTimeout(60, java.util.concurrent.TimeUnit.SECONDS).join();
        }
    }
}
