package org.jconvnet.train.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.train.checkpoint.CheckpointLayout;

/**
 * The directory a {@code train} run writes ({@code <save-path>/<save-name>}, or the one resumed
 * with {@code -f}), held under {@link RunLock} for the whole run.
 *
 * <ul>
 *   <li>A fresh run claims a directory that is missing or empty; one that holds anything is
 *       refused (never overwritten, never truncated), with a message saying how to resume it.</li>
 *   <li>A second process on the same directory is refused while the first holds the lock.</li>
 *   <li>When a fresh run ends without a committed checkpoint (it failed, or it had nothing to
 *       train), {@link #close()} removes what the run created, so no stray run directory is left.
 *       A resumed run's directory is never cleaned.</li>
 * </ul>
 */
public final class RunDirectory implements AutoCloseable {
    private final Path dir;
    private final RunLock lock;
    private final boolean fresh;
    private final List<Path> createdDirs;

    private RunDirectory(Path dir, RunLock lock, boolean fresh, List<Path> createdDirs) {
        this.dir = dir;
        this.lock = lock;
        this.fresh = fresh;
        this.createdDirs = createdDirs;
    }

    /**
     * Claims {@code dir} for a new run: creates it (and missing parents) or takes it when empty.
     *
     * @throws RunDirectoryConflict when it is not a directory, holds anything, or is locked
     */
    public static RunDirectory claimFresh(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new RunDirectoryConflict(dir + " exists and is not a directory; choose another --save-name");
        }
        List<Path> created = createDirectories(dir);
        boolean lockFileExisted = Files.exists(dir.resolve(RunLock.FILE));
        RunLock lock = RunLock.tryAcquire(dir).orElse(null);
        if (lock == null) {
            throw inUse(dir, " or choose another --save-name");
        }
        String occupied = occupation(dir);
        if (occupied != null) {
            try {
                if (!lockFileExisted) {
                    Files.deleteIfExists(dir.resolve(RunLock.FILE));
                }
            } catch (IOException e) {
                // an empty lock file is harmless
            } finally {
                lock.close();
            }
            throw new RunDirectoryConflict(occupied);
        }
        return new RunDirectory(dir, lock, true, created);
    }

    /**
     * Locks the run directory resumed with {@code -f}. A missing directory is not locked (loading
     * the checkpoint then reports it); nothing in it is ever removed.
     *
     * @throws RunDirectoryConflict when another process holds its lock
     */
    public static RunDirectory lockForResume(Path dir) {
        if (!Files.isDirectory(dir)) {
            return new RunDirectory(dir, null, false, List.of());
        }
        RunLock lock = RunLock.tryAcquire(dir).orElseThrow(() -> inUse(dir, ""));
        return new RunDirectory(dir, lock, false, List.of());
    }

    /** The directory. */
    public Path path() {
        return dir;
    }

    /** Whether the directory holds a committed checkpoint (the {@code latest} pointer or a checkpoint directory). */
    public boolean hasCheckpoint() {
        if (Files.exists(dir.resolve(CheckpointLayout.LATEST))) {
            return true;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.anyMatch(p -> Files.isDirectory(p)
                    && CheckpointLayout.parseName(p.getFileName().toString()).isPresent());
        } catch (IOException e) {
            return false;
        }
    }

    /** Removes what a fresh run created when it committed no checkpoint, then releases the lock. */
    @Override
    public void close() {
        try {
            if (fresh && Files.isDirectory(dir) && !hasCheckpoint()) {
                removeOwnFiles();
            }
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
        if (fresh && !Files.exists(dir.resolve(RunLock.FILE))) {
            for (int i = createdDirs.size() - 1; i >= 0; i--) {
                try {
                    Files.deleteIfExists(createdDirs.get(i));
                } catch (IOException notEmpty) {
                    break;
                }
            }
        }
    }

    /** Only names this module writes; the directory was empty when the run claimed it. */
    private void removeOwnFiles() {
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path p : entries.toList()) {
                String n = p.getFileName().toString();
                if (n.equals(CheckpointLayout.METRICS) || n.equals(CheckpointLayout.METRICS + ".tmp")
                        || n.startsWith(CheckpointLayout.TMP_PREFIX) || n.startsWith(CheckpointLayout.TRASH_PREFIX)
                        || n.startsWith("." + CheckpointLayout.LATEST + ".tmp-")) {
                    deleteTree(p);
                }
            }
            // While still holding the lock: a process that opened the old file meanwhile is refused,
            // one that opens after gets a new file and finds the directory free.
            Files.deleteIfExists(dir.resolve(RunLock.FILE));
        } catch (IOException e) {
            // Best effort: what remains is harmless and named in no checkpoint.
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (Files.isDirectory(p)) {
            try (Stream<Path> children = Files.list(p)) {
                for (Path c : children.toList()) {
                    deleteTree(c);
                }
            }
        }
        Files.deleteIfExists(p);
    }

    /** Why a fresh run may not use {@code dir}, or null when it holds nothing but a stale lock file. */
    private static String occupation(Path dir) {
        List<String> names = new ArrayList<>();
        try (Stream<Path> entries = Files.list(dir)) {
            entries.map(p -> p.getFileName().toString()).filter(n -> !n.equals(RunLock.FILE)).forEach(names::add);
        } catch (IOException e) {
            throw new JConvNetException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        if (names.isEmpty()) {
            return null;
        }
        boolean checkpoint = names.contains(CheckpointLayout.LATEST)
                || names.stream().anyMatch(n -> CheckpointLayout.parseName(n).isPresent());
        if (checkpoint) {
            return dir + " already holds a run; resume it with -f " + dir + " or choose another --save-name";
        }
        if (names.contains(CheckpointLayout.METRICS)) {
            return dir + " already holds a run that saved no checkpoint (" + CheckpointLayout.METRICS
                    + " only); delete it or choose another --save-name";
        }
        return dir + " already exists and is not empty; choose another --save-name or --save-path";
    }

    private static RunDirectoryConflict inUse(Path dir, String orElse) {
        return new RunDirectoryConflict(dir + " is in use by another train process (" + RunLock.holder(dir) + ", lock file "
                + dir.resolve(RunLock.FILE) + "); wait for it to end" + orElse);
    }

    /** Creates {@code dir} and its missing parents; returns those it created, outermost first. */
    private static List<Path> createDirectories(Path dir) {
        List<Path> missing = new ArrayList<>();
        for (Path p = dir.toAbsolutePath(); p != null && !Files.exists(p); p = p.getParent()) {
            missing.add(0, p);
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new JConvNetException("cannot create the run directory " + dir + ": " + e.getMessage(), e);
        }
        return missing;
    }
}
