package org.tipline.gateway.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

import jakarta.inject.Singleton;

import org.tipline.gateway.platform.crypto.EvidenceCipher;
import org.tipline.gateway.platform.crypto.KeyMaterialException;

/**
 * Encrypted evidence objects in a local folder, one per file id. Writing streams the upload through hashing and
 * encryption to a temporary file that is moved into place only when complete and within the size limit.
 */
@Singleton
public class EvidenceStore {

    private final EvidenceCipher cipher;
    private final EvidenceConfig config;

    EvidenceStore(EvidenceCipher cipher, EvidenceConfig config) {
        this.cipher = cipher;
        this.config = config;
    }

    /** Stores {@code upload} as evidence {@code fileId}; {@link EvidenceTooLargeException} past the size limit. */
    public StoredEvidence write(UUID fileId, InputStream upload) {
        Path directory = directory();
        Path target = directory.resolve(fileId + ".ev");
        Path temporary = directory.resolve(fileId + ".ev.partial");
        HashingInputStream hashing = new HashingInputStream(upload, config.maxFileBytes());
        try {
            Files.createDirectories(directory);
            try (OutputStream out = cipher.encryptingStream(Files.newOutputStream(temporary), associatedData(fileId))) {
                hashing.transferTo(out);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temporary);
            if (hashing.exceeded()) {
                throw new EvidenceTooLargeException(config.maxFileBytes());
            }
            throw e instanceof IOException io
                    ? new UncheckedIOException("Storing evidence failed", io)
                    : (RuntimeException) e;
        }
        return new StoredEvidence(hashing.size(), hashing.md5(), hashing.sha1(), hashing.sha256(),
                cipher.activeKeyId());
    }

    /** The decrypted bytes of evidence {@code fileId} (encrypted with key {@code keyId}). */
    public InputStream read(UUID fileId, String keyId) throws IOException {
        return cipher.decryptingStream(keyId, Files.newInputStream(directory().resolve(fileId + ".ev")),
                associatedData(fileId));
    }

    /** Removes an object that was stored but not committed (a failed or replayed upload). */
    public void discard(UUID fileId) {
        deleteQuietly(directory().resolve(fileId + ".ev"));
    }

    private Path directory() {
        return config.directory().orElseThrow(() -> new KeyMaterialException(
                "tipline.evidence.directory is not configured: evidence cannot be stored"));
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // an orphan object without a ledger row is harmless and can be removed later
        }
    }

    /** Evidence ciphertext is bound to its file id. */
    private static byte[] associatedData(UUID fileId) {
        return ByteBuffer.allocate(17).put((byte) 'E').putLong(fileId.getMostSignificantBits())
                .putLong(fileId.getLeastSignificantBits()).array();
    }

    /** What storing an upload yielded. */
    public record StoredEvidence(long sizeBytes, byte[] md5, byte[] sha1, byte[] sha256, String keyId) {
    }
}
