package org.tipline.gateway.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Singleton;

import org.tipline.gateway.platform.crypto.EvidenceCipher;
import org.tipline.gateway.platform.crypto.KeyMaterialException;
import org.tipline.gateway.platform.errors.IncompleteRequestException;

/**
 * Encrypted evidence objects in a local folder, one per file id. Writing streams the upload through hashing and
 * encryption to a temporary file ({@code .ev.partial}) that is flushed to disk, moved into place only when complete and
 * within the size limit, and made durable by flushing the folder too: once {@link #write} returns, the object survives
 * a crash, so committing its ledger row next can never leave a 201 without its bytes.
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
            force(temporary, StandardOpenOption.WRITE);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            force(directory, StandardOpenOption.READ);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temporary);
            if (hashing.exceeded()) {
                throw new EvidenceTooLargeException(config.maxFileBytes());
            }
            if (e instanceof HashingInputStream.UploadInterruptedException) {
                throw new IncompleteRequestException();
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

    /** Removes an object that was stored but certainly not committed (a refused or replayed upload). */
    public void discard(UUID fileId) {
        deleteQuietly(directory().resolve(fileId + ".ev"));
    }

    /**
     * What lies in the store unchanged since before {@code cutoff}: complete objects (by file id) and leftover
     * temporary files of uploads that never finished. At most {@code limit} objects are listed per call.
     */
    public Leftovers leftoversBefore(Instant cutoff, int limit) throws IOException {
        Optional<Path> configured = config.directory();
        if (configured.isEmpty() || !Files.isDirectory(configured.get())) {
            return new Leftovers(List.of(), List.of());
        }
        List<UUID> objects = new ArrayList<>();
        List<Path> partials = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(configured.get())) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (objects.size() >= limit) {
                    break;
                }
                if (!modifiedBefore(entry, cutoff)) {
                    continue;
                }
                if (name.endsWith(".ev.partial")) {
                    partials.add(entry);
                } else if (name.endsWith(".ev")) {
                    fileId(name.substring(0, name.length() - ".ev".length())).ifPresent(objects::add);
                }
            }
        }
        return new Leftovers(objects, partials);
    }

    /** Removes a leftover temporary file found by {@link #leftoversBefore}. */
    public boolean removePartial(Path partial) {
        return deleteQuietly(partial);
    }

    /** Removes an object the ledger has no row for (found by {@link #leftoversBefore}). */
    public boolean removeOrphan(UUID fileId) {
        return deleteQuietly(directory().resolve(fileId + ".ev"));
    }

    private static boolean modifiedBefore(Path entry, Instant cutoff) {
        try {
            return Files.isRegularFile(entry) && Files.getLastModifiedTime(entry).toInstant().isBefore(cutoff);
        } catch (IOException e) {
            return false; // gone meanwhile, or unreadable: not ours to judge now
        }
    }

    private static Optional<UUID> fileId(String text) {
        try {
            UUID id = UUID.fromString(text);
            return id.toString().equals(text) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Flushes a file's data, or a folder's entries, to the disk ({@code fsync}). */
    private static void force(Path path, StandardOpenOption mode) throws IOException {
        try (FileChannel channel = FileChannel.open(path, mode)) {
            channel.force(true);
        }
    }

    private Path directory() {
        return config.directory().orElseThrow(() -> new KeyMaterialException(
                "tipline.evidence.directory is not configured: evidence cannot be stored"));
    }

    private static boolean deleteQuietly(Path path) {
        try {
            return Files.deleteIfExists(path);
        } catch (IOException e) {
            return false; // an orphan object without a ledger row is harmless; the sweeper tries again later
        }
    }

    /** Evidence ciphertext is bound to its file id. */
    private static byte[] associatedData(UUID fileId) {
        return ByteBuffer.allocate(17).put((byte) 'E').putLong(fileId.getMostSignificantBits())
                .putLong(fileId.getLeastSignificantBits()).array();
    }

    /** Objects and temporary files older than a cutoff; whether an object is an orphan is the ledger's to say. */
    public record Leftovers(List<UUID> objects, List<Path> partials) {
    }

    /** What storing an upload yielded. */
    public record StoredEvidence(long sizeBytes, byte[] md5, byte[] sha1, byte[] sha256, String keyId) {
    }
}
