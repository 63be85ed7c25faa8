package org.tipline.gateway.security;

import java.security.SecureRandom;
import java.util.Base64;

import org.tipline.core.json.CanonicalJson;

/** API key format: {@code tlk_} and 256 random bits in base64url; stored as SHA-256 only. */
public final class ApiKeys {

    static final String PREFIX = "tlk_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeys() {
    }

    /** A new key (shown once to whoever creates it). */
    public static String generate() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** What the ledger stores for {@code key}. */
    public static byte[] hash(String key) {
        return CanonicalJson.sha256(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The first characters, enough to tell keys apart in a listing and nothing more. */
    public static String displayPrefix(String key) {
        return key.substring(0, Math.min(key.length(), PREFIX.length() + 6));
    }
}
