package org.jconvnet.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.train.checkpoint.CheckpointReader;
import org.jconvnet.train.run.RunDirectory;
import org.jconvnet.train.run.RunDirectoryConflict;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run directory a {@code train} owns: an existing run is never overwritten nor truncated, a
 * locked one is refused, and a run that fails or has nothing to train leaves no directory behind.
 */
class RunDirectoryTest {
    @TempDir
    Path tmp;
    Path data;
    TrainingJob job;

    @BeforeEach
    void setUp() throws IOException {
        data = TinyData.write(tmp.resolve("data"), 12);
        job = TrainingJob.withDiscoveredBackends(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    private TrainOptions.Builder fresh(String name) {
        return TrainOptions.builder().dataPath(data).layerDef(TinyData.tinyNet()).trainRange("1-2").testRange("6")
                .mini(6).seed(7L).backend("cpu").testFreq(1).savePath(tmp.resolve("save")).saveName(name);
    }

    @Test
    void aFreshRunOnAnExistingRunIsRefusedAndTouchesNothing() throws IOException {
        Path run = job.train(fresh("n").epochs(1).build()).saveDir();
        byte[] metrics = Files.readAllBytes(run.resolve("metrics.jsonl"));
        String latest = Files.readString(run.resolve("latest"));
        for (int epochs : new int[] {1, 0}) {
            RunDirectoryConflict e = assertThrows(RunDirectoryConflict.class, () -> job.train(fresh("n").epochs(epochs).build()));
            assertEquals(run + " already holds a run; resume it with -f " + run + " or choose another --save-name",
                    e.getMessage());
            assertArrayEquals(metrics, Files.readAllBytes(run.resolve("metrics.jsonl")), "metrics.jsonl untouched");
            assertEquals(latest, Files.readString(run.resolve("latest")));
            assertEquals(latest.strip(), CheckpointReader.loadLatest(run, s -> { }).name());
        }
        // Resuming it is the way on.
        job.train(TrainOptions.builder().loadFrom(run).backend("cpu").epochs(2).build());
        assertTrue(Files.size(run.resolve("metrics.jsonl")) > metrics.length);
    }

    @Test
    void aDirectoryWithOtherFilesOrAFileIsRefusedAndKept() throws IOException {
        Path mine = tmp.resolve("save/mine");
        Files.createDirectories(mine);
        Files.writeString(mine.resolve("notes.txt"), "my notes");
        RunDirectoryConflict e = assertThrows(RunDirectoryConflict.class, () -> job.train(fresh("mine").epochs(1).build()));
        assertEquals(mine + " already exists and is not empty; choose another --save-name or --save-path", e.getMessage());
        assertEquals("my notes", Files.readString(mine.resolve("notes.txt")));
        assertEquals(List.of("notes.txt"), names(mine));

        Files.writeString(tmp.resolve("save/plain"), "a file");
        e = assertThrows(RunDirectoryConflict.class, () -> job.train(fresh("plain").epochs(1).build()));
        assertEquals(tmp.resolve("save/plain") + " exists and is not a directory; choose another --save-name", e.getMessage());
        assertEquals("a file", Files.readString(tmp.resolve("save/plain")));
    }

    @Test
    void zeroEpochAndFailedRunsLeaveNoRunDirectory() throws IOException {
        TrainingJob.Result r = job.train(fresh("zero").epochs(0).build());
        assertEquals(0, r.batchesTrained());
        assertFalse(Files.exists(tmp.resolve("save")), "neither the run directory nor the save path it created");

        // Fails after the directory was claimed (the tester is built with the net).
        JConvNetException e = assertThrows(JConvNetException.class,
                () -> job.train(fresh("failed").epochs(1).multiviewTest(true).build()));
        assertTrue(e.getMessage().contains("--multiview-test"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("save")));

        // A directory the user made stays, empty as it was.
        Path made = Files.createDirectories(tmp.resolve("save/made"));
        job.train(fresh("made").epochs(0).build());
        assertTrue(Files.isDirectory(made));
        assertEquals(List.of(), names(made));
    }

    @Test
    void aRunInUseIsRefusedUntilItsLockIsReleased() {
        Path run = job.train(fresh("busy").epochs(1).build()).saveDir();
        try (RunDirectory other = RunDirectory.lockForResume(run)) {
            assertEquals(run, other.path());
            RunDirectoryConflict e = assertThrows(RunDirectoryConflict.class,
                    () -> job.train(TrainOptions.builder().loadFrom(run).backend("cpu").epochs(2).build()));
            assertEquals(run + " is in use by another train process (pid " + ProcessHandle.current().pid() + ", lock file "
                    + run.resolve(".lock") + "); wait for it to end", e.getMessage());
        }
        job.train(TrainOptions.builder().loadFrom(run).backend("cpu").epochs(2).build());
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
