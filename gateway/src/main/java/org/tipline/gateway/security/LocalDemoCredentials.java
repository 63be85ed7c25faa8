package org.tipline.gateway.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.tipline.gateway.platform.db.Database;
import org.tipline.gateway.routing.Destination;
import org.tipline.gateway.routing.RoutingTable;
import org.tipline.gateway.trail.AuditActor;
import org.tipline.gateway.trail.AuditEntries;
import org.tipline.gateway.trail.AuditTrail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.quarkus.runtime.StartupEvent;

/**
 * Local runs only: seeds two demo platforms and one key per role on first start and writes them to
 * {@code .tipline/demo-credentials.json} (API.md, "Local run"), so the README's examples work at once. Does nothing
 * unless this JVM started the local stack; production never has demo credentials.
 */
@ApplicationScoped
public class LocalDemoCredentials {

    static final String FILE = "demo-credentials.json";
    /** System property in which the local stack's bootstrap names the folder of the stack it started. */
    static final String LOCAL_STACK_DIRECTORY = "tipline.local-stack.active-directory";
    static final String PLATFORM = "demo-platform";
    static final String PLATFORM_2 = "demo-platform-2";
    private static final Logger LOGGER = Logger.getLogger(LocalDemoCredentials.class);

    private final Database database;
    private final CredentialRepository credentials;
    private final RoutingTable routing;
    private final AuditTrail audit;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    LocalDemoCredentials(Database database, CredentialRepository credentials, RoutingTable routing, AuditTrail audit,
            Clock clock) {
        this.database = database;
        this.credentials = credentials;
        this.routing = routing;
        this.audit = audit;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        Optional<Path> directory = Optional.ofNullable(System.getProperty(LOCAL_STACK_DIRECTORY)).map(Path::of);
        if (directory.isEmpty()) {
            return;
        }
        Path file = directory.get().resolve(FILE);
        String platformKey = existingPlatformKey(file).orElseGet(() -> seed(file));
        LOGGER.infof("Local run: demo platform key %s (all demo keys in %s)", platformKey, file);
    }

    private Optional<String> existingPlatformKey(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            String key = json.readTree(file.toFile()).path("platform").asText();
            boolean active = database.withConnection(c -> credentials.findActive(c, ApiKeys.hash(key)).isPresent());
            return active ? Optional.of(key) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private String seed(Path file) {
        Map<String, Object> keys = new LinkedHashMap<>();
        database.inTransaction(connection -> {
            credentials.insertPlatform(connection, new PlatformRecord(PLATFORM, "Demo Platform (synthetic)",
                    List.of("US_NCMEC", "UK_NCA", "CA_C3P", "HOTLINE"), clock.instant()));
            credentials.insertPlatform(connection, new PlatformRecord(PLATFORM_2, "Second Demo Platform (synthetic)",
                    List.of("US_NCMEC"), clock.instant()));
            keys.put("platform", create(connection, Role.PLATFORM, PLATFORM, List.of()));
            keys.put("platform2", create(connection, Role.PLATFORM, PLATFORM_2, List.of()));
            keys.put("auditor", create(connection, Role.AUDITOR, null, List.of()));
            keys.put("admin", create(connection, Role.ADMIN, null, List.of()));
            Map<String, String> intake = new LinkedHashMap<>();
            for (Destination destination : routing.destinations()) {
                intake.put(destination.id(), create(connection, Role.INTAKE, null, List.of(destination.id())));
            }
            keys.put("intake", intake);
            return null;
        });
        write(file, keys);
        return (String) keys.get("platform");
    }

    private String create(java.sql.Connection connection, Role role, String platformId, List<String> destinations)
            throws java.sql.SQLException {
        String key = ApiKeys.generate();
        UUID id = UUID.randomUUID();
        credentials.insert(connection, new Credential(id, ApiKeys.displayPrefix(key), role, platformId, destinations,
                "local demo " + role.id(), clock.instant(), "local-demo", null), ApiKeys.hash(key));
        audit.record(connection, AuditEntries.credentialCreated(AuditActor.system("local-demo"), id, role.id(),
                platformId, destinations));
        return key;
    }

    private void write(Path file, Map<String, Object> keys) {
        try {
            Path temporary = file.resolveSibling(FILE + ".tmp");
            Files.deleteIfExists(temporary);
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(temporary,
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            json.writeValue(temporary.toFile(), keys);
            Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    /** For tests: the keys of a demo-credentials file. */
    static JsonNode read(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile());
    }
}
