package org.jconvnet.train;

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
import java.util.concurrent.atomic.AtomicInteger;
import org.jconvnet.train.checkpoint.Checkpoint;
import org.jconvnet.train.checkpoint.CheckpointReader;
import org.jconvnet.train.metrics.Metric;
import org.jconvnet.train.metrics.TrainMetric;
import org.jconvnet.train.run.StopSignal;
import org.jconvnet.train.run.TrainingStopped;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stop request (what SIGINT/SIGTERM become) in the middle of a batch: the loop abandons the rest
 * of the batch after the current minibatch, saves a checkpoint and says where; the next run
 * resumes from it. The real signal is tested through the command line (cli's TrainSignalTest).
 */
class StopRequestTest {
    @TempDir
    Path tmp;

    /** Requests a stop at the {@code at}-th poll, and counts how long it was watched. */
    static final class StopAt implements StopSignal {
        final int at;
        final AtomicInteger polls = new AtomicInteger();
        final AtomicInteger watching = new AtomicInteger();

        StopAt(int at) {
            this.at = at;
        }

        @Override
        public boolean requested() {
            return polls.incrementAndGet() >= at;
        }

        @Override
        public Scope watch() {
            watching.incrementAndGet();
            return watching::decrementAndGet;
        }
    }

    @Test
    void aStopMidBatchSavesACheckpointOfWhatWasTrainedAndTheRunResumesAfterIt() throws IOException {
        Path data = TinyData.write(tmp.resolve("data"), 24);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // Polls: before batch 1.1, after each of its minibatches but the last (5 of 6), before 1.2, then 2 into 1.2.
        StopAt stop = new StopAt(1 + 5 + 1 + 2);
        TrainingJob job = TrainingJob.withDiscoveredBackends(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                TrainingEnvironment.plain().withStop(stop));
        Path run = tmp.resolve("save/stopped");
        TrainingStopped e = assertThrows(TrainingStopped.class, () -> job.train(TrainOptions.builder().dataPath(data)
                .layerDef(TinyData.tinyNet(tmp.resolve("net"), "0.0001").toString()).trainRange("1-2").testRange("6").mini(4)
                .seed(7L).backend("cpu").testFreq(100)
                .epochs(3).savePath(tmp.resolve("save")).saveName("stopped").build()));
        assertEquals("stopped on request after batch 1.2 (8 of its 24 images trained; a resumed run goes on with the next "
                + "batch); saved checkpoint " + run.resolve("1.2") + "; resume with -f " + run, e.getMessage());
        assertEquals(0, stop.watching.get(), "no longer watched");
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("1.2... logprob:"), out.toString(StandardCharsets.UTF_8));

        Checkpoint cp = CheckpointReader.loadLatest(run, s -> { });
        assertEquals("1.2", cp.name());
        List<Metric> trained = cp.metrics().stream().filter(m -> m instanceof TrainMetric).toList();
        assertEquals(List.of(24L, 8L), trained.stream().map(Metric::cases).toList());
        assertTrue(Files.isRegularFile(run.resolve("latest")));

        TrainingJob.Result resumed = TrainingJob.withDiscoveredBackends(new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream())).train(TrainOptions.builder().loadFrom(run).backend("cpu")
                .epochs(2).build());
        assertEquals("3.1", resumed.epoch() + "." + resumed.batchNum());
        List<String> after = CheckpointReader.loadLatest(run, s -> { }).metrics().stream()
                .filter(m -> m instanceof TrainMetric).map(m -> m.epoch() + "." + m.batch()).toList();
        assertEquals(List.of("1.1", "1.2", "2.1", "2.2", "3.1"), after);
    }

    @Test
    void aStopBeforeTheFirstBatchSavesNothingAndLeavesNoDirectory() throws IOException {
        Path data = TinyData.write(tmp.resolve("data"), 12);
        TrainingJob job = TrainingJob.withDiscoveredBackends(new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()), TrainingEnvironment.plain().withStop(new StopAt(1)));
        TrainingStopped e = assertThrows(TrainingStopped.class, () -> job.train(TrainOptions.builder().dataPath(data)
                .layerDef(TinyData.tinyNet()).trainRange("1-2").testRange("6").mini(4).seed(7L).backend("cpu")
                .epochs(1).savePath(tmp.resolve("save")).saveName("early").build()));
        assertEquals("stopped on request before the first batch; nothing was trained or saved", e.getMessage());
        assertFalse(Files.exists(tmp.resolve("save")));
    }
}
