package org.jconvnet.train.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts a child JVM that checkpoints continuously, kills it with SIGKILL at random moments, and
 * checks after every kill that the newest checkpoint loads, is exactly the data of its step, and
 * is no older than the last step the child reported as saved; the next child resumes after it.
 */
class CheckpointKillTest {
    private static final int BIG_ROWS = 400; // ~100 KB per big .npy: a save takes milliseconds
    @TempDir
    Path root;

    static String testClassPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    @Test
    void killMinusNineAtRandomMomentsNeverCorruptsTheLatestCheckpoint() throws Exception {
        Random random = new Random(12345);
        long lastLoaded = -1;
        int kills = 5;
        for (int round = 0; round < kills; round++) {
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", testClassPath(),
                    CheckpointKillTarget.class.getName(), root.toString(), Integer.toString(BIG_ROWS));
            pb.redirectErrorStream(true);
            Process child = pb.start();
            AtomicLong lastSaved = new AtomicLong(-1);
            List<String> lines = new ArrayList<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        synchronized (lines) {
                            lines.add(line);
                        }
                        if (line.startsWith("saved ")) {
                            lastSaved.set(Long.parseLong(line.substring(6)));
                        }
                    }
                } catch (IOException ignored) {
                    // the child died; that is the point
                }
            });
            reader.start();
            // Wait until the child is actually checkpointing, then kill it a random while later.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (lastSaved.get() < lastLoaded + 2 && System.nanoTime() < deadline && child.isAlive()) {
                Thread.sleep(5);
            }
            assertTrue(child.isAlive(), "child died on its own: " + lines);
            Thread.sleep(random.nextInt(300));
            child.destroyForcibly(); // SIGKILL on Unix
            assertTrue(child.waitFor(10, TimeUnit.SECONDS));
            reader.join(5000);
            assertEquals(137, child.exitValue(), "killed by SIGKILL");
            Checkpoint cp = CheckpointReader.loadLatest(root, s -> { });
            long step = SyntheticCheckpoints.verify(cp, BIG_ROWS);
            assertTrue(step >= lastSaved.get(), "loaded step " + step + " but the child had reported " + lastSaved.get());
            assertTrue(step > lastLoaded, "no progress in round " + round);
            if (round > 0) {
                synchronized (lines) {
                    assertEquals("resumed " + lastLoaded, lines.get(0), "the child resumes from the last good checkpoint");
                }
            }
            lastLoaded = step;
        }
    }
}
