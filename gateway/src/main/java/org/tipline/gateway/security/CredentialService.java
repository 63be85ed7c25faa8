package org.tipline.gateway.security;

import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.tipline.gateway.platform.db.Database;
import org.tipline.gateway.platform.errors.UnprocessableException;
import org.tipline.gateway.platform.errors.Violation;
import org.tipline.gateway.platform.errors.ViolationCode;
import org.tipline.gateway.platform.idempotency.Idempotency;
import org.tipline.gateway.platform.idempotency.IdempotencyKey;
import org.tipline.gateway.platform.idempotency.Outcome;
import org.tipline.gateway.trail.AuditActor;
import org.tipline.gateway.trail.AuditEntries;
import org.tipline.gateway.trail.AuditTrail;

import io.quarkus.runtime.StartupEvent;

/** Creates and revokes API keys and registers platforms; keys are returned once and stored only as SHA-256. */
@ApplicationScoped
public class CredentialService {

    private static final Logger LOGGER = Logger.getLogger(CredentialService.class);

    private final Database database;
    private final Idempotency idempotency;
    private final CredentialRepository credentials;
    private final SecurityConfig config;
    private final AuditTrail audit;
    private final Clock clock;
    private final CredentialCache cache;

    CredentialService(Database database, Idempotency idempotency, CredentialRepository credentials,
            SecurityConfig config, AuditTrail audit, Clock clock, CredentialCache cache) {
        this.cache = cache;
        this.database = database;
        this.idempotency = idempotency;
        this.credentials = credentials;
        this.config = config;
        this.audit = audit;
        this.clock = clock;
    }

    /** A created credential; {@code key} is present only in the first answer, never in a replay. */
    public record Created(Credential credential, String key) {
    }

    /** Creates a credential. A replay of the same request returns the credential without its key. */
    public Outcome<Created> create(Caller admin, IdempotencyKey key, byte[] digest, Role role, String platformId,
            List<String> destinations, String label) {
        String createdBy = admin.credentialId().toString();
        String apiKey = ApiKeys.generate();
        Outcome<Credential> outcome = database.inTransaction(connection -> idempotency.once(connection, key, digest,
                201, Credential.class, () -> {
                    if (platformId != null && !credentials.platformExists(connection, platformId)) {
                        throw new UnprocessableException("Unknown platform", List.of(new Violation("/platformId",
                                ViolationCode.INVALID_VALUE, "is not a registered platform")));
                    }
                    Credential credential = new Credential(UUID.randomUUID(), ApiKeys.displayPrefix(apiKey), role,
                            platformId, destinations, label, clock.instant(), createdBy, null);
                    credentials.insert(connection, credential, ApiKeys.hash(apiKey));
                    audit.record(connection, AuditEntries.credentialCreated(admin.auditActor(), credential.id(),
                            role.id(), platformId, credential.destinations()));
                    return credential;
                }));
        return new Outcome<>(new Created(outcome.result(), outcome.replayed() ? null : apiKey), outcome.status(),
                outcome.replayed());
    }

    /** Revokes a credential at once: the next request with it gets 401. */
    public void revoke(Caller admin, UUID id) {
        boolean revoked = database.inTransaction(c -> {
            boolean done = credentials.revoke(c, id, admin.credentialId().toString(), clock.instant());
            if (done) {
                audit.record(c, AuditEntries.credentialRevoked(admin.auditActor(), id));
            }
            return done;
        });
        if (!revoked) {
            throw new CredentialNotFoundException(id);
        }
        cache.revoked();
    }

    public List<Credential> list() {
        return database.withConnection(credentials::list);
    }

    public Outcome<PlatformRecord> registerPlatform(Caller admin, IdempotencyKey key, byte[] digest, String id,
            String name, List<String> regimes) {
        return database.inTransaction(connection -> idempotency.once(connection, key, digest, 201,
                PlatformRecord.class, () -> {
                    PlatformRecord platform = new PlatformRecord(id, name, regimes, clock.instant());
                    if (!credentials.insertPlatform(connection, platform)) {
                        throw new UnprocessableException("Platform exists", List.of(new Violation("/id",
                                ViolationCode.INVALID_VALUE, "is already registered")));
                    }
                    audit.record(connection, AuditEntries.platformRegistered(admin.auditActor(), id, regimes));
                    return platform;
                }));
    }

    public List<PlatformRecord> platforms() {
        return database.withConnection(credentials::platforms);
    }

    /** Registers the bootstrap admin key's digest at start-up, once. */
    void bootstrap(@Observes StartupEvent event) {
        config.bootstrapAdminKeySha256().ifPresent(hex -> database.inTransaction(connection -> {
            byte[] hash = HexFormat.of().parseHex(hex);
            if (!credentials.existsWithHash(connection, hash)) {
                UUID id = UUID.randomUUID();
                credentials.insert(connection, new Credential(id, "(bootstrap)", Role.ADMIN, null, List.of(),
                        "bootstrap admin", clock.instant(), "bootstrap", null), hash);
                audit.record(connection, AuditEntries.credentialCreated(AuditActor.system("bootstrap"), id,
                        Role.ADMIN.id(), null, List.of()));
                LOGGER.info("Registered the bootstrap admin credential");
            }
            return null;
        }));
    }
}
