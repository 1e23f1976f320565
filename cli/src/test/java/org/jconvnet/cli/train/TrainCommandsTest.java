package org.jconvnet.cli.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jconvnet.cli.Cli;
import org.jconvnet.train.data.CifarBatchReader;
import org.jconvnet.train.data.SyntheticCifar;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training commands end to end, in-process, with a tiny net and tiny batches on the CPU backend. */
class TrainCommandsTest {
    @TempDir
    Path tmp;
    Path data;
    String net;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new Cli(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeEach
    void setUp() throws IOException, URISyntaxException {
        data = tmp.resolve("data");
        Files.createDirectories(data);
        SyntheticCifar s = new SyntheticCifar(2, 20, 20);
        for (int k = 1; k <= 2; k++) {
            Files.write(data.resolve("data_batch_" + k + ".bin"), CifarBatchReader.encode(s.batch(k)));
        }
        Files.write(data.resolve("test_batch.bin"), CifarBatchReader.encode(s.batch(6)));
        net = Path.of(getClass().getResource("layers-tiny.cfg").toURI()).toString();
    }

    @Test
    void sparkWithoutSparkOnTheClassPathSaysSoAndLeavesNoRunDirectory() {
        // The cli's test class path holds the spark module's jar but not Spark (as a bare module jar
        // dropped beside an installation would be): the lookup names what is missing, exit 1.
        Run r = run("train", "--backend", "cpu", "--data-path", data.toString(), "--layer-def", net,
                "--train-range", "1-2", "--test-range", "6", "--epochs", "1", "--spark", "local[2]", "--workers", "2",
                "--save-path", tmp.resolve("save").toString(), "--save-name", "spark");
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().strip().startsWith("jconvnet: Spark support is not in this installation: "), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(!Files.exists(tmp.resolve("save/spark")), "no run directory");
    }

    @Test
    void workersWithoutSparkIsAUsageError() {
        Run r = run("train", "--backend", "cpu", "--data-path", data.toString(), "--workers", "2");
        assertEquals(2, r.code(), r.toString());
        assertEquals("jconvnet: --workers needs --spark MASTER_URL", r.err().strip());
    }

    @Test
    void trainTestExportFeaturesShowAndBench() throws IOException {
        Run train = run("train", "--backend", "cpu", "--data-path", data.toString(), "--layer-def", net,
                "--train-range", "1-2", "--test-range", "6", "--epochs", "1", "--mini", "8", "--seed", "5",
                "--test-freq", "2", "--save-path", tmp.resolve("save").toString(), "--save-name", "run");
        assertEquals(0, train.code(), train.toString());
        assertTrue(train.out().contains("Test output"), train.out());
        Path ck = tmp.resolve("save/run");
        assertTrue(Files.isRegularFile(ck.resolve("latest")));
        // Under surefire stderr is a pipe: one result line per batch on stdout, no bar, no carriage return.
        for (String batch : new String[] {"1\\.1", "1\\.2", "2\\.1"}) {
            assertTrue(train.out().lines().anyMatch(l -> l.matches(batch + "\\.\\.\\. logprob: .*")), batch + " in " + train.out());
        }
        assertTrue(!train.out().contains("\r") && !train.err().contains("\r"), train.err());

        // The same --save-name again, without -f: refused, nothing touched (exit 2, one line).
        byte[] metrics = Files.readAllBytes(ck.resolve("metrics.jsonl"));
        Run again = run("train", "--backend", "cpu", "--data-path", data.toString(), "--layer-def", net, "--train-range", "1-2",
                "--test-range", "6", "--epochs", "1",
                "--save-path", tmp.resolve("save").toString(), "--save-name", "run");
        assertEquals(2, again.code(), again.toString());
        assertEquals("jconvnet: " + ck + " already holds a run; resume it with -f " + ck + " or choose another --save-name",
                again.err().strip());
        assertTrue(java.util.Arrays.equals(metrics, Files.readAllBytes(ck.resolve("metrics.jsonl"))));

        Run test = run("test", "--backend", "cpu", "-f", ck.toString());
        assertEquals(0, test.code(), test.toString());
        assertTrue(test.out().contains("logprob"), test.out());

        Run resume = run("train", "--backend", "cpu", "-f", ck.toString(), "--epochs", "2");
        assertEquals(0, resume.code(), resume.toString());
        assertTrue(resume.out().contains("finished at 3.1 (epoch 3, batch 1), 2 batches trained in this run; last test: logprob "),
                resume.out());

        Run export = run("export-weights", "-f", ck.toString(), "--out", tmp.resolve("w").toString());
        assertEquals(0, export.code(), export.toString());
        assertTrue(Files.isRegularFile(tmp.resolve("w/conv1.weights.npy")));

        Run feats = run("features", "--backend", "cpu", "-f", ck.toString(), "--layer", "probs", "--feature-path",
                tmp.resolve("f").toString());
        assertEquals(0, feats.code(), feats.toString());
        assertTrue(Files.isRegularFile(tmp.resolve("f/probs.npy")));

        Run show = run("show", "--backend", "cpu", "-f", ck.toString(), "--out", tmp.resolve("png").toString());
        assertEquals(0, show.code(), show.toString());
        assertTrue(Files.isRegularFile(tmp.resolve("png/predictions.png")));

        Run bench = run("bench", "--backend", "cpu", "--layer-def", net, "--mini", "4", "--minibatches", "1", "--warmup", "0",
                "--profile");
        assertEquals(0, bench.code(), bench.toString());
        assertTrue(bench.out().contains("cpu") && bench.out().contains("IMAGES/S"), bench.out());
        Run partly = run("bench", "--backend", "cpu,nosuch", "--layer-def", net, "--mini", "4", "--minibatches", "1",
                "--warmup", "0");
        assertEquals(1, partly.code(), partly.toString());
        assertTrue(partly.out().matches("(?s).*\\ncpu .*\\nnosuch .*unavailable: unknown backend 'nosuch'.*"), partly.out());
        assertTrue(bench.out().contains("profile of cpu") && bench.out().matches("(?s).*\\n  fc\\S*\\s+fc\\s+forward\\s.*"),
                bench.out());
    }

    @Test
    void helpStatesTheDefaultsTheRunApplies() {
        Run help = run("train", "--help");
        assertEquals(0, help.code(), help.toString());
        // Without white space: picocli wraps the help at 80 columns, even inside "./checkpoints".
        String text = help.out().replaceAll("\\s+", "");
        for (String phrase : new String[] {"Minibatch size (default 128; 16 on the embedded data set).",
                "Default 50000; 1 on the embedded set", "(default 50; one epoch on the embedded set)",
                "Training batches, e.g. 1-5 (default)", "Test batches, e.g. 6 (default)", "Default: cifar.",
                "Crop border of cifar-cropped (default 4).", "(default: checkpoints in the current directory)", "(default ConvNet__<date>_<time>)",
                "all of them (default 1)", "Default: the seed net layers-conv-local-11pct."}) {
            assertTrue(text.contains(phrase.replaceAll("\\s+", "")), phrase + " in: " + help.out());
        }
    }

    @Test
    void badInputIsOneClearLine() {
        Run r = run("train", "--backend", "cpu", "--data-path", tmp.resolve("nope").toString());
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("no such directory"), r.err());
        Run r2 = run("test", "--backend", "cpu");
        assertTrue(r2.err().contains("-f"), r2.err());
        Run r3 = run("train", "--test-one", "maybe");
        assertEquals(2, r3.code(), r3.toString());
    }
}
