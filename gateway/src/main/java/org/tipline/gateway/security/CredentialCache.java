package org.tipline.gateway.security;

import java.util.HexFormat;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.tipline.gateway.platform.db.ChangeNotices;
import org.tipline.gateway.platform.db.Database;
import org.tipline.gateway.platform.db.NoticedCache;

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
    private final NoticedCache<String, Optional<Caller>> active;

    CredentialCache(Database database, CredentialRepository credentials, ChangeNotices notices,
            SecurityConfig config) {
        this.database = database;
        this.credentials = credentials;
        this.notices = notices;
        this.config = config;
        this.active = new NoticedCache<>(notices, TOPIC, config.credentialCache().ttl(), MAX_ENTRIES);
    }

    /** The caller of the active credential whose key has SHA-256 {@code keyHash}. */
    public Optional<Caller> findActive(byte[] keyHash) {
        if (!config.credentialCache().enabled()) {
            return lookUp(keyHash);
        }
        return active.get(HexFormat.of().formatHex(keyHash), key -> lookUp(keyHash), Optional::isPresent);
    }

    /** After this instance committed a revocation: forgets what it kept at once, before its own notice arrives. */
    void revoked() {
        notices.changedHere(TOPIC);
    }

    private Optional<Caller> lookUp(byte[] keyHash) {
        return database.withConnection(connection -> credentials.findActive(connection, keyHash));
    }
}
