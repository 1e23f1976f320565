package org.jconvnet.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jconvnet.train.checkpoint.Checkpoint;
import org.jconvnet.train.checkpoint.CheckpointReader;
import org.jconvnet.train.metrics.Metric;
import org.jconvnet.train.metrics.TestMetric;
import org.jconvnet.train.metrics.TrainJson;
import org.jconvnet.train.metrics.TrainMetric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written by the hand-written JSON code that came before Jackson ({@code legacy-v1}: a save
 * directory with one checkpoint and {@code metrics.jsonl}, from a run of the tiny net, with a test
 * over zero cases whose costs are NaN and a batch at Infinity images/s added) still load, resume,
 * and are written back byte for byte as they were.
 */
class LegacyFormatTest {
    @TempDir
    Path tmp;

    private static Path fixture() {
        try {
            return Path.of(LegacyFormatTest.class.getResource("legacy-v1").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theCheckpointLoadsWithItsMetricsOptionsAndNonFiniteValues() {
        Checkpoint cp = CheckpointReader.loadLatest(fixture(), s -> { });
        assertEquals("2.1", cp.name());
        assertEquals(3, cp.batchesDone());
        assertEquals(4, cp.params().size());
        List<Metric> m = cp.metrics();
        assertEquals(7, m.size());
        assertEquals(List.of(TrainMetric.class, TrainMetric.class, TestMetric.class, TrainMetric.class, TestMetric.class,
                TestMetric.class, TrainMetric.class), m.stream().map(Object::getClass).toList());
        TestMetric empty = (TestMetric) m.get(5);
        assertEquals(0, empty.cases());
        assertTrue(Double.isNaN(empty.costs().get("logprob").get(0)) && Double.isNaN(empty.costs().get("logprob").get(1)));
        assertEquals(List.of(6), empty.testBatches());
        assertEquals(Double.POSITIVE_INFINITY, ((TrainMetric) m.get(6)).imagesPerSec());
        assertEquals(2.347835232814153, m.get(0).costs().get("logprob").get(0));
        TrainOptions saved = TrainOptions.none().over(cp.options());
        assertEquals("1-2", saved.trainRange());
        assertEquals(10, saved.mini());
        assertEquals(7L, saved.seed());
        assertEquals(Boolean.TRUE, saved.testOne());
        assertEquals(null, saved.backend(), "the backend is never taken from a checkpoint");
        assertEquals(m, MetricsLog.read(fixture().resolve("metrics.jsonl")));
    }

    @Test
    void metricsAreWrittenBackExactlyAsTheOldCodeWroteThem() throws IOException {
        List<String> lines = Files.readAllLines(fixture().resolve("metrics.jsonl"), StandardCharsets.UTF_8);
        List<Metric> read = MetricsLog.read(fixture().resolve("metrics.jsonl"));
        assertEquals(lines, read.stream().map(TrainJson::compact).toList());
        assertTrue(lines.get(5).contains("\"costs\":{\"logprob\":[\"NaN\",\"NaN\"]}"), lines.get(5));
        assertTrue(lines.get(6).contains("\"imagesPerSec\":\"Infinity\""), lines.get(6));
    }

    @Test
    void aRunResumesFromTheOldCheckpoint() throws IOException {
        Path save = tmp.resolve("save");
        try (Stream<Path> files = Files.walk(fixture())) {
            for (Path f : files.toList()) {
                Path to = save.resolve(fixture().relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        Path data = TinyData.write(tmp.resolve("data"), 12);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        TrainingJob job = TrainingJob.withDiscoveredBackends(new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        TrainingJob.Result r = job.train(TrainOptions.builder().loadFrom(save).dataPath(data).epochs(2).backend("cpu").build());
        assertEquals("3.1", r.epoch() + "." + r.batchNum());
        Checkpoint after = CheckpointReader.loadLatest(save, s -> { });
        assertEquals(7 + 4, after.metrics().size(), "the old history, 2.2 and its test (--test-freq 2), 3.1 and the final test");
        assertTrue(Double.isNaN(after.metrics().get(5).costs().get("logprob").get(0)), "NaN survives the round trip");
        assertEquals(MetricsLog.read(save.resolve("metrics.jsonl")), after.metrics());
    }
}
