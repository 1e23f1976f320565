package org.jconvnet.train.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fails the k-th file-system step of a checkpoint write, for every k, and checks that the
 * previous checkpoint is still the one loaded (or, once the commit point has passed, the new
 * one), intact, and that the next write succeeds and cleans up.
 */
class CheckpointFaultInjectionTest {
    @TempDir
    Path tmp;

    /** Counts steps and throws at step {@code failAt} (never, when negative). */
    static final class FaultyFs implements CheckpointFs {
        final int failAt;
        int step;
        final List<String> log = new ArrayList<>();

        FaultyFs(int failAt) {
            this.failAt = failAt;
        }

        private void tick(String what) throws IOException {
            log.add(what);
            if (step++ == failAt) {
                throw new IOException("injected failure at step " + (step - 1) + " (" + what + ")");
            }
        }

        @Override
        public void createDirectory(Path dir) throws IOException {
            tick("mkdir " + dir.getFileName());
            DURABLE.createDirectory(dir);
        }

        @Override
        public void writeDurably(Path file, byte[] bytes) throws IOException {
            tick("write " + file.getFileName());
            DURABLE.writeDurably(file, bytes);
        }

        @Override
        public void syncDirectory(Path dir) throws IOException {
            tick("sync " + dir.getFileName());
            DURABLE.syncDirectory(dir);
        }

        @Override
        public void moveAtomically(Path from, Path to) throws IOException {
            tick("move " + from.getFileName() + " -> " + to.getFileName());
            DURABLE.moveAtomically(from, to);
        }

        @Override
        public void deleteTree(Path path) throws IOException {
            tick("delete " + path.getFileName());
            DURABLE.deleteTree(path);
        }
    }

    @Test
    void aFailureAtAnyStepLeavesTheLastGoodCheckpoint() throws IOException {
        FaultyFs counter = new FaultyFs(-1);
        Path probe = tmp.resolve("probe");
        new CheckpointWriter(CheckpointFs.DURABLE, 1).write(probe, SyntheticCheckpoints.make(1, 8));
        new CheckpointWriter(counter, 1).write(probe, SyntheticCheckpoints.make(2, 8));
        int steps = counter.step;
        int commit = counter.log.indexOf(counter.log.stream().filter(s -> s.startsWith("move .latest")).findFirst().orElseThrow());
        assertTrue(steps > 15, "a write has " + steps + " steps: " + counter.log);
        for (int k = 0; k < steps; k++) {
            Path root = tmp.resolve("k" + k);
            new CheckpointWriter().write(root, SyntheticCheckpoints.make(1, 8));
            FaultyFs faulty = new FaultyFs(k);
            IOException e = assertThrows(IOException.class,
                    () -> new CheckpointWriter(faulty, 1).write(root, SyntheticCheckpoints.make(2, 8)));
            assertTrue(e.getMessage().contains("injected"), e.getMessage());
            long loaded = SyntheticCheckpoints.verify(CheckpointReader.loadLatest(root, s -> { }), 8);
            assertEquals(k <= commit ? 1 : 2, loaded, "failure at step " + k + " (" + faulty.log.get(k) + ")");
            // The previous checkpoint itself is untouched until the commit point.
            if (k <= commit) {
                SyntheticCheckpoints.verify(CheckpointReader.load(root.resolve("1.2")), 8);
            }
            // A later write succeeds and removes every leftover.
            new CheckpointWriter().write(root, SyntheticCheckpoints.make(3, 8));
            assertEquals(3, SyntheticCheckpoints.verify(CheckpointReader.loadLatest(root, s -> { }), 8));
            try (var entries = Files.list(root)) {
                assertEquals(List.of("1.4", "latest"), entries.map(p -> p.getFileName().toString()).sorted().toList(),
                        "leftovers after failure at step " + k);
            }
        }
    }
}
