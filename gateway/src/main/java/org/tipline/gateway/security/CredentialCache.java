package org.tipline.gateway.security;

import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.tipline.gateway.platform.db.ChangeNotices;
import org.tipline.gateway.platform.db.Database;

/**
 * Active credentials by key digest, so a request costs no ledger lookup for a key seen moments ago. An entry is used
 * only while this instance hears every change of the credential table ({@link ChangeNotices}: a trigger announces it,
 * whether the admin API or SQL made it) and none was announced since it was read, and for at most
 * {@code tipline.security.credential-cache.ttl}: a key revoked anywhere stops working on every instance once the notice
 * arrives, moments after the revocation commits (at once on the instance that revoked it). Unknown and revoked keys
 * are never kept; they are looked up every time.
 */
@ApplicationScoped
public class CredentialCache {

    /** The notices' topic: the table's name (see migration V6). */
    static final String TOPIC = "credential";
    /** Most keys kept; past that the cache starts over rather than grow. */
    static final int MAX_ENTRIES = 10_000;

    private final Database database;
    private final CredentialRepository credentials;
    private final ChangeNotices notices;
    private final SecurityConfig config;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    CredentialCache(Database database, CredentialRepository credentials, ChangeNotices notices,
            SecurityConfig config) {
        this.database = database;
        this.credentials = credentials;
        this.notices = notices;
        this.config = config;
    }

    /** The caller of the active credential whose key has SHA-256 {@code keyHash}. */
    public Optional<Caller> findActive(byte[] keyHash) {
        if (!config.credentialCache().enabled() || !notices.isListening()) {
            return lookUp(keyHash);
        }
        String key = HexFormat.of().formatHex(keyHash);
        long generation = notices.generation(TOPIC);
        Entry entry = entries.get(key);
        if (entry != null && entry.generation() == generation && System.nanoTime() - entry.readAt() < ttlNanos()) {
            return Optional.of(entry.caller());
        }
        Optional<Caller> found = lookUp(keyHash);
        if (found.isPresent() && notices.isListening() && notices.generation(TOPIC) == generation) {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(key, new Entry(found.get(), generation, System.nanoTime()));
        }
        return found;
    }

    /** After this instance committed a revocation: forgets what it kept at once, before its own notice arrives. */
    void revoked() {
        notices.changedHere(TOPIC);
    }

    private Optional<Caller> lookUp(byte[] keyHash) {
        return database.withConnection(connection -> credentials.findActive(connection, keyHash));
    }

    private long ttlNanos() {
        return config.credentialCache().ttl().toNanos();
    }

    private record Entry(Caller caller, long generation, long readAt) {
    }
}
