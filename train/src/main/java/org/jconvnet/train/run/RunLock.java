package org.jconvnet.train.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import org.jconvnet.api.JConvNetException;

/**
 * An exclusive OS lock on {@code <run>/.lock}, held while a {@code train} process writes the run.
 * The operating system drops it when the process ends, however it ends ({@code kill -9}
 * included), so the file may stay behind without blocking anyone. The file holds the holder's pid,
 * for the message a second process gets.
 */
final class RunLock implements AutoCloseable {
    /** The lock file's name in a run directory. */
    static final String FILE = ".lock";
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of {@code dir}, or returns empty when another process (or another job in this
     * JVM) holds it; then {@link #holder} says who.
     */
    static Optional<RunLock> tryAcquire(Path dir) {
        Path file = dir.resolve(FILE);
        FileChannel ch = null;
        try {
            // No TRUNCATE: the holder's pid must survive a failed attempt.
            ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock l;
            try {
                l = ch.tryLock();
            } catch (OverlappingFileLockException sameJvm) {
                l = null;
            }
            if (l == null) {
                ch.close();
                return Optional.empty();
            }
            ch.truncate(0);
            ch.write(ByteBuffer.wrap(("pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            ch.force(false);
            return Optional.of(new RunLock(ch, l));
        } catch (IOException e) {
            closeQuietly(ch);
            throw new JConvNetException("cannot lock " + file + ": " + e.getMessage(), e);
        }
    }

    /** What the lock file of {@code dir} says about its holder, e.g. {@code pid 1234}. */
    static String holder(Path dir) {
        try {
            String s = java.nio.file.Files.readString(dir.resolve(FILE), StandardCharsets.UTF_8).strip();
            return s.matches("pid \\d+") ? s : "pid unknown";
        } catch (IOException | RuntimeException e) {
            return "pid unknown";
        }
    }

    /** Releases the lock; the file stays. */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel below releases it too
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel ch) {
        if (ch != null) {
            try {
                ch.close();
            } catch (IOException ignored) {
                // nothing was written through it that matters
            }
        }
    }
}
