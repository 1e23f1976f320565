package org.jconvnet.cli.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jconvnet.cli.Cli;
import org.jconvnet.train.checkpoint.Checkpoint;
import org.jconvnet.train.checkpoint.CheckpointReader;
import org.jconvnet.train.metrics.Metric;
import org.jconvnet.train.metrics.TrainMetric;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C for real: {@code jconvnet train} in a child JVM gets SIGTERM ({@link Process#destroy()})
 * while it trains, long before its first scheduled checkpoint. It must finish the current
 * minibatch, write a checkpoint, say where it is, exit 130, and the run must resume from it.
 */
@Tag("slow")
class TrainSignalTest {
    @TempDir
    Path tmp;

    private static String testClassPath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    @Test
    void sigtermSavesACheckpointSaysWhereAndExits130() throws IOException, InterruptedException, URISyntaxException {
        Path net = tmp.resolve("net/layers-tiny.cfg");
        Files.createDirectories(net.getParent());
        Path shipped = Path.of(getClass().getResource("layers-tiny.cfg").toURI());
        Files.copy(shipped, net);
        // Small learning rates: the run must last until the signal without diverging.
        Files.writeString(net.resolveSibling("layer-params-tiny.cfg"), Files.readString(shipped.resolveSibling(
                "layer-params-tiny.cfg")).replaceAll("epsW=[0-9.]+", "epsW=0.0001"));
        Path run = tmp.resolve("save/run");
        Path stdout = tmp.resolve("stdout.txt");
        Path stderr = tmp.resolve("stderr.txt");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", testClassPath(), "org.jconvnet.cli.Main",
                "train", "--backend", "cpu", "--layer-def", net.toString(), "--mini", "8", "--epochs", "100000",
                "--test-freq", "100000", "--seed", "3", "--save-path", run.getParent().toString(), "--save-name", "run");
        pb.redirectOutput(stdout.toFile());
        pb.redirectError(stderr.toFile());
        Process child = pb.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (batchLines(stdout) < 2 && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertTrue(child.isAlive() && batchLines(stdout) >= 2, "child trains: " + Files.readString(stderr));
            assertTrue(!Files.exists(run.resolve("latest")), "no checkpoint before the signal (--test-freq 100000)");
            child.destroy(); // SIGTERM, as a Ctrl-C's SIGINT is handled the same way
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child stops");
        } finally {
            child.destroyForcibly();
        }
        String err = Files.readString(stderr, StandardCharsets.UTF_8);
        assertEquals(130, child.exitValue(), err);
        assertTrue(err.contains("jconvnet: stop requested: finishing the current minibatch, then saving a checkpoint"), err);
        Checkpoint cp = CheckpointReader.loadLatest(run, s -> { });
        String last = err.lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.matches("jconvnet: stopped on request after batch " + cp.name().replace(".", "\\.")
                + " \\(\\d+ of its 160 images trained; a resumed run goes on with the next batch\\); saved checkpoint "
                + java.util.regex.Pattern.quote(run.resolve(cp.name()) + "; resume with -f " + run)), last);
        List<Metric> trained = cp.metrics().stream().filter(m -> m instanceof TrainMetric).toList();
        assertEquals(cp.batchesDone(), trained.size());

        // Resuming from it works and goes on with the next batch.
        StringWriter out = new StringWriter();
        StringWriter errIn = new StringWriter();
        int code = new Cli(new PrintWriter(out, true), new PrintWriter(errIn, true)).execute("train", "--backend", "cpu",
                "-f", run.toString(), "--epochs", String.valueOf(cp.epoch() + 1));
        assertEquals(0, code, errIn.toString());
        Checkpoint after = CheckpointReader.loadLatest(run, s -> { });
        assertEquals(cp.batchesDone() + 1, after.metrics().stream().filter(m -> m instanceof TrainMetric)
                .skip(cp.batchesDone()).findFirst().orElseThrow().batchesDone());
    }

    private static long batchLines(Path stdout) throws IOException {
        return Files.exists(stdout) ? Files.readAllLines(stdout, StandardCharsets.UTF_8).stream()
                .filter(l -> l.matches("\\d+\\.\\d+\\.\\.\\. .*")).count() : 0;
    }
}
