package org.jconvnet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.train.checkpoint.Checkpoint;
import org.jconvnet.train.checkpoint.CheckpointFs;
import org.jconvnet.train.checkpoint.CheckpointReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that fills while a checkpoint is written (simulated: the file system hook writes half of
 * a parameter file, then throws "No space left on device"): the run stops with an error naming the
 * checkpoint, the cause and the checkpoint that stays the latest; that one loads intact and the
 * half-written files are gone, so their space is back.
 */
class DiskFullTest {
    @TempDir
    Path tmp;

    /** Fills up during the second checkpoint's {@code fc10.weights.npy}. */
    static final class FillingDisk implements CheckpointFs {
        int checkpointsStarted;

        @Override
        public void createDirectory(Path dir) throws IOException {
            checkpointsStarted++;
            DURABLE.createDirectory(dir);
        }

        @Override
        public void writeDurably(Path file, byte[] bytes) throws IOException {
            if (checkpointsStarted == 2 && file.getFileName().toString().equals("fc10.weights.npy")) {
                Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
                throw new IOException("No space left on device");
            }
            DURABLE.writeDurably(file, bytes);
        }

        @Override
        public void syncDirectory(Path dir) throws IOException {
            DURABLE.syncDirectory(dir);
        }

        @Override
        public void moveAtomically(Path from, Path to) throws IOException {
            DURABLE.moveAtomically(from, to);
        }

        @Override
        public void deleteTree(Path path) throws IOException {
            DURABLE.deleteTree(path);
        }
    }

    @Test
    void aFullDiskKeepsThePreviousCheckpointAndSaysSo() throws IOException {
        Path data = TinyData.write(tmp.resolve("data"), 12);
        TrainingJob job = TrainingJob.withDiscoveredBackends(new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                TrainingEnvironment.plain().withCheckpointFs(new FillingDisk()));
        Path run = tmp.resolve("save/full");
        JConvNetException e = assertThrows(JConvNetException.class, () -> job.train(TrainOptions.builder().dataPath(data)
                .layerDef(TinyData.tinyNet()).trainRange("1-2").testRange("6").mini(6).seed(7L).backend("cpu").testFreq(1)
                .epochs(2).savePath(tmp.resolve("save")).saveName("full").build()));
        assertEquals("cannot save checkpoint 1.2 in " + run + ": No space left on device; the latest checkpoint is still "
                + run.resolve("1.1") + " (intact)", e.getMessage());

        List<String> warnings = new ArrayList<>();
        Checkpoint latest = CheckpointReader.loadLatest(run, warnings::add);
        assertEquals("1.1", latest.name());
        assertEquals(List.of(), warnings);
        try (Stream<Path> s = Files.list(run)) {
            assertEquals(List.of(".lock", "1.1", "latest", "metrics.jsonl"),
                    s.map(p -> p.getFileName().toString()).sorted().toList(), "the half-written checkpoint is gone");
        }
        // Once there is space again, the run resumes from 1.1.
        TrainingJob.Result r = TrainingJob.withDiscoveredBackends(new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream())).train(TrainOptions.builder().loadFrom(run).backend("cpu").build());
        assertTrue(r.batchesTrained() > 0);
        assertTrue(CheckpointReader.loadLatest(run, s -> { }).batchesDone() > latest.batchesDone());
    }
}
