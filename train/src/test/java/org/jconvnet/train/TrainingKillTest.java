package org.jconvnet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jconvnet.train.checkpoint.Checkpoint;
import org.jconvnet.train.checkpoint.CheckpointReader;
import org.jconvnet.train.checkpoint.SavedParam;
import org.jconvnet.train.metrics.Metric;
import org.jconvnet.train.metrics.TrainMetric;
import org.jconvnet.train.run.RunDirectoryConflict;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code kill -9} of a training JVM at random moments, 20 times, each followed by a resume:
 * the child trains the tiny net on the embedded synthetic set with a checkpoint after every batch
 * ({@link TrainingKillTarget}). After every kill the latest checkpoint must load without a single
 * warning (never a damaged one), hold finite parameters and a contiguous history, and the next
 * child must resume from exactly that checkpoint, through the lock file the killed one left.
 * While the first child runs, a second run on the same directory is refused by the lock.
 */
@Tag("slow")
class TrainingKillTest {
    private static final int KILLS = 20;
    private static final Pattern RESUMED = Pattern.compile("resuming from checkpoint (\\d+\\.\\d+) in ");

    @TempDir
    Path tmp;

    private static String testClassPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    /** A running child and what it printed. */
    private static final class Child {
        final Process process;
        final StringBuilder log = new StringBuilder();
        final AtomicInteger saves = new AtomicInteger();
        final Thread reader;

        Child(Path net, Path save) throws IOException {
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-cp", testClassPath(),
                    TrainingKillTarget.class.getName(), net.toString(), save.toString());
            pb.redirectErrorStream(true);
            process = pb.start();
            reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        synchronized (log) {
                            log.append(line).append('\n');
                        }
                        if (line.startsWith("saved checkpoint")) {
                            saves.incrementAndGet();
                        }
                    }
                } catch (IOException killed) {
                    // the stream ends with the process
                }
            });
            reader.start();
        }

        String log() {
            synchronized (log) {
                return log.toString();
            }
        }

        void awaitSaves(int n) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (saves.get() < n && process.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertTrue(process.isAlive() && saves.get() >= n, "child stopped or stalled: " + log());
        }

        void kill() throws InterruptedException {
            process.destroyForcibly(); // SIGKILL on Linux
            assertTrue(process.waitFor(20, TimeUnit.SECONDS));
            reader.join(5000);
        }
    }

    @Test
    void twentyKillsEachFollowedByAResumeNeverLoseOrCorruptACheckpoint() throws Exception {
        Path save = tmp.resolve("save/run");
        Path net = TinyData.tinyNet(tmp.resolve("net"), "0.0001");
        Random random = new Random(20261126L);
        long lastDone = 0;
        String lastName = null;
        for (int round = 0; round < KILLS; round++) {
            Child child = new Child(net, save);
            child.awaitSaves(1);
            if (round == 0) {
                secondProcessOnTheSameDirectoryIsRefused(net, save, child.process.pid());
            } else {
                Matcher m = RESUMED.matcher(child.log());
                assertTrue(m.find(), "round " + round + " resumed: " + child.log());
                assertEquals(lastName, m.group(1), "round " + round + " resumed from the last good checkpoint");
            }
            // A seeded random moment after the round's first save: training, testing or writing the
            // next checkpoint, depending on how fast the child runs (no timing is asserted).
            Thread.sleep(random.nextInt(250));
            child.kill();

            List<String> warnings = new ArrayList<>();
            Checkpoint cp = CheckpointReader.loadLatest(save, warnings::add);
            assertEquals(List.of(), warnings, "round " + round + ": the latest checkpoint is intact");
            assertTrue(cp.batchesDone() > lastDone, "round " + round + " made progress: " + cp.batchesDone());
            assertContiguousHistory(cp, round);
            for (SavedParam p : cp.params()) {
                for (double v : p.values()) {
                    assertTrue(Double.isFinite(v), p.fileName());
                }
            }
            lastDone = cp.batchesDone();
            lastName = cp.name();
        }

        // A resume in this JVM goes on with the batch after the last checkpoint.
        Checkpoint before = CheckpointReader.loadLatest(save, s -> { });
        TrainingJob job = TrainingJob.withDiscoveredBackends(new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()));
        job.train(TrainOptions.builder().loadFrom(save).epochs(before.epoch() + 1).build());
        Checkpoint after = CheckpointReader.loadLatest(save, s -> { });
        assertTrue(after.batchesDone() > before.batchesDone());
        assertContiguousHistory(after, KILLS);
    }

    /** While the child holds the lock, a run on its directory is refused, fresh or resumed, and changes nothing. */
    private void secondProcessOnTheSameDirectoryIsRefused(Path net, Path save, long childPid) {
        TrainingJob job = TrainingJob.withDiscoveredBackends(new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()));
        RunDirectoryConflict resumed = assertThrows(RunDirectoryConflict.class,
                () -> job.train(TrainOptions.builder().loadFrom(save).backend("cpu").epochs(1).build()));
        assertTrue(resumed.getMessage().contains(save + " is in use by another train process (pid " + childPid + ", lock file "
                + save.resolve(".lock") + "); wait for it to end"), resumed.getMessage());
        RunDirectoryConflict fresh = assertThrows(RunDirectoryConflict.class,
                () -> job.train(TrainOptions.builder().layerDef(net.toString()).backend("cpu").epochs(1)
                        .savePath(save.getParent()).saveName(save.getFileName().toString()).build()));
        assertTrue(fresh.getMessage().contains("is in use by another train process (pid " + childPid), fresh.getMessage());
    }

    /** One train record per batch 1..batchesDone, in order: each resume went on right after its checkpoint. */
    private static void assertContiguousHistory(Checkpoint cp, int round) {
        List<Long> trained = cp.metrics().stream().filter(m -> m instanceof TrainMetric).map(Metric::batchesDone).toList();
        List<Long> expected = new ArrayList<>();
        for (long i = 1; i <= cp.batchesDone(); i++) {
            expected.add(i);
        }
        assertEquals(expected, trained, "round " + round + ": train records of " + cp.name());
        assertFalse(trained.isEmpty());
    }
}
