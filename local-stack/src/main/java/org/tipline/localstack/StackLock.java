package org.tipline.localstack;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * {@code stack.lock} in a stack's folder, locked by the process that runs the stack for as long as it runs: the
 * operating system releases it when that process ends, even after {@code kill -9}. A second run command finds it
 * held and joins the running stack instead of taking over its data folder.
 */
final class StackLock implements AutoCloseable {

    static final String NAME = "stack.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private StackLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock of {@code directory}'s stack if no other process (nor this one) holds it; else empty. */
    static Optional<StackLock> tryAcquire(Path directory) throws IOException {
        Files.createDirectories(directory);
        FileChannel channel = FileChannel.open(directory.resolve(NAME), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return Optional.of(new StackLock(channel, lock));
            }
        } catch (OverlappingFileLockException e) {
            // this JVM already runs a stack in that folder
        }
        channel.close();
        return Optional.empty();
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
