package org.jconvnet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jconvnet.train.checkpoint.Checkpoint;
import org.jconvnet.train.checkpoint.CheckpointReader;
import org.jconvnet.train.metrics.Metric;
import org.jconvnet.train.metrics.TrainMetric;
import org.jconvnet.train.checkpoint.SavedParam;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGKILLs a child JVM that is really training (tiny net, a checkpoint after every batch) at
 * random moments, several times; after each kill the newest checkpoint must load and be
 * consistent, and the next child must resume right after it. Finally a resumed run in-process
 * continues with the next batch.
 */
@Tag("slow")
class TrainingKillTest {
    @TempDir
    Path tmp;

    private static String testClassPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    @Test
    void killMinusNineWhileTrainingLeavesALoadableCheckpointAndResumeContinues() throws Exception {
        Path data = TinyData.write(tmp.resolve("data"), 16);
        Path save = tmp.resolve("save/run");
        Random random = new Random(99);
        long lastDone = 0;
        for (int round = 0; round < 3; round++) {
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-cp", testClassPath(),
                    TrainingKillTarget.class.getName(), data.toString(), TinyData.tinyNet(), save.toString());
            pb.redirectErrorStream(true);
            Process child = pb.start();
            AtomicInteger saves = new AtomicInteger();
            StringBuilder log = new StringBuilder();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        synchronized (log) {
                            log.append(line).append('\n');
                        }
                        if (line.startsWith("saved checkpoint")) {
                            saves.incrementAndGet();
                        }
                    }
                } catch (IOException ignored) {
                    // killed
                }
            });
            reader.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (saves.get() < 2 && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertTrue(child.isAlive(), "child stopped: " + log);
            Thread.sleep(random.nextInt(400));
            child.destroyForcibly();
            assertTrue(child.waitFor(10, TimeUnit.SECONDS));
            reader.join(5000);
            Checkpoint cp = CheckpointReader.loadLatest(save, s -> { });
            assertTrue(cp.batchesDone() > lastDone, "round " + round + " made progress");
            List<Metric> trained = cp.metrics().stream().filter(m -> m instanceof TrainMetric).collect(Collectors.toList());
            assertEquals(cp.batchesDone(), trained.size(), "one train record per batch up to the checkpoint");
            for (SavedParam p : cp.params()) {
                for (double v : p.values()) {
                    assertTrue(Double.isFinite(v), p.fileName());
                }
            }
            if (round > 0) {
                synchronized (log) {
                    assertTrue(log.toString().contains("saved checkpoint"), log.toString());
                }
            }
            lastDone = cp.batchesDone();
        }
        Checkpoint before = CheckpointReader.loadLatest(save, s -> { });
        TrainingJob job = TrainingJob.withDiscoveredBackends(new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()));
        job.train(TrainOptions.builder().loadFrom(save).epochs(before.epoch() + 1).build());
        Checkpoint after = CheckpointReader.loadLatest(save, s -> { });
        List<Metric> trained = after.metrics().stream().filter(m -> m instanceof TrainMetric).collect(Collectors.toList());
        assertEquals(before.batchesDone() + 1, trained.get((int) before.batchesDone()).batchesDone(),
                "the resumed run continues with the batch after the checkpoint");
        assertTrue(after.batchesDone() > before.batchesDone());
    }
}
