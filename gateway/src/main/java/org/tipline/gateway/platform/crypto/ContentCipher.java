package org.tipline.gateway.platform.crypto;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;

/**
 * Encrypts report content at rest with AES-256-GCM: a random 96-bit nonce per message, the row's identity as
 * associated data (so ciphertext cannot be moved to another row), and the key id stored beside the ciphertext so keys
 * can rotate. Fails with {@link KeyMaterialException} for unknown keys and {@link ContentIntegrityException} for
 * ciphertext that does not authenticate.
 * Created at start-up, so missing or bad keys stop the gateway before it serves anything.
 */
@Startup
@Singleton
public class ContentCipher {

    static final String GENERATED_FILE = "content-keys.properties";
    private static final Logger LOGGER = Logger.getLogger(ContentCipher.class);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, SecretKeySpec> keys;
    private final String activeKeyId;

    public ContentCipher(KeysConfig config) {
        Map<String, String> configured = config.contentKeys().isEmpty() ? generated(config) : config.contentKeys();
        this.keys = new HashMap<>();
        configured.forEach((id, base64) -> keys.put(id, aesKey(id, base64)));
        this.activeKeyId = config.activeContentKey().orElseGet(() -> keys.size() == 1
                ? keys.keySet().iterator().next()
                : null);
        if (activeKeyId == null || !keys.containsKey(activeKeyId)) {
            throw new KeyMaterialException(
                    "tipline.keys.active-content-key must name one of tipline.keys.content-keys");
        }
    }

    /** The id of the key that encrypts new content. */
    public String activeKeyId() {
        return activeKeyId;
    }

    /** {@code nonce || ciphertext || tag} of {@code plaintext}, bound to {@code associatedData}. */
    public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(activeKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new KeyMaterialException("AES-GCM encryption failed", e);
        }
    }

    /** The plaintext of {@link #encrypt} output made with key {@code keyId} and the same associated data. */
    public byte[] decrypt(String keyId, byte[] sealed, byte[] associatedData) {
        SecretKeySpec key = keys.get(keyId);
        if (key == null) {
            throw new KeyMaterialException("Content key " + keyId + " is not configured");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new ContentIntegrityException(keyId, e);
        } catch (GeneralSecurityException e) {
            throw new KeyMaterialException("AES-GCM decryption failed", e);
        }
    }

    /** The content key {@code keyId}, for the evidence cipher; {@link KeyMaterialException} if not configured. */
    SecretKeySpec key(String keyId) {
        SecretKeySpec key = keys.get(keyId);
        if (key == null) {
            throw new KeyMaterialException("Content key " + keyId + " is not configured");
        }
        return key;
    }

    private static SecretKeySpec aesKey(String id, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new KeyMaterialException("Content key " + id + " is not base64");
        }
        if (bytes.length != 32) {
            throw new KeyMaterialException("Content key " + id + " must be 32 bytes (AES-256), is " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    private Map<String, String> generated(KeysConfig config) {
        Path file = KeyFiles.requireGenerationDirectory(config, "tipline.keys.content-keys").resolve(GENERATED_FILE);
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                random.nextBytes(key);
                KeyFiles.writePrivate(file, "local-1=" + Base64.getEncoder().encodeToString(key) + "\n");
                LOGGER.infof("Generated an AES-256 content key in %s", file);
            }
            Properties properties = new Properties();
            properties.load(new StringReader(Files.readString(file, StandardCharsets.UTF_8)));
            Map<String, String> loaded = new HashMap<>();
            properties.forEach((id, value) -> loaded.put(id.toString(), value.toString()));
            return loaded;
        } catch (IOException e) {
            throw new KeyMaterialException("Could not read content keys from " + file, e);
        }
    }
}
