package org.tipline.gateway.platform.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Reads and writes generated key files, readable by the owner only. */
final class KeyFiles {

    private KeyFiles() {
    }

    /** The folder for generated keys, or a {@link KeyMaterialException} naming the setting that is missing. */
    static Path requireGenerationDirectory(KeysConfig config, String missingSetting) {
        if (!config.generateMissing() || config.directory().isEmpty()) {
            throw new KeyMaterialException(missingSetting + " is not configured (and tipline.keys.generate-missing"
                    + " with tipline.keys.directory is only for local runs)");
        }
        return config.directory().get();
    }

    /** Creates {@code file} with {@code content}, owner-only where the file system allows it. */
    static void writePrivate(Path file, String content) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(temporary);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(temporary, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")));
            }
            Files.writeString(temporary, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write key file " + file, e);
        }
    }
}
