package org.jconvnet.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jconvnet.train.TrainOptions;
import org.jconvnet.train.TrainingJob;
import org.jconvnet.train.checkpoint.CheckpointReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Spark run writes what a single-machine run writes: checkpoints that the single-machine
 * trainer resumes, that {@code test} and {@code export-weights} read, and the same result lines.
 */
class SparkArtefactsTest {
    @TempDir
    static Path tmp;
    static SparkRuns runs;
    static Path sparkRun;
    static String sparkOut;

    @BeforeAll
    static void trainOnSpark() throws IOException {
        runs = new SparkRuns(tmp);
        sparkRun = runs.spark(runs.options("float32", 1).build(), "local[2]", 2, 1);
        sparkOut = runs.out.toString(StandardCharsets.UTF_8);
        runs.out.reset();
    }

    @Test
    void theSingleMachineTrainerResumesASparkCheckpoint() {
        TrainingJob.Result resumed = runs.job().train(TrainOptions.builder().loadFrom(sparkRun).epochs(2).backend("cpu").build());
        assertEquals(3, resumed.batchesTrained(), "2.2, 2.3 and the stop rule's 3.1");
        Map<String, double[]> uninterrupted = SparkRuns.params(runs.single(runs.options("float32", 2).build()));
        Map<String, double[]> mixed = SparkRuns.params(sparkRun);
        double diff = SparkRuns.maxDiff(mixed, uninterrupted);
        assertTrue(diff <= 1e-5 * SparkRuns.maxAbs(uninterrupted), () -> "max difference " + diff);
        assertEquals(7, CheckpointReader.loadLatest(sparkRun, w -> { }).batchesDone());
    }

    @Test
    void testAndExportWeightsReadASparkCheckpoint() throws IOException {
        TrainingJob.Result t = runs.job().test(TrainOptions.builder().loadFrom(sparkRun).backend("cpu").build());
        assertTrue(Double.isFinite(t.lastTest().get("logprob").get(0)), t.lastTest().toString());
        Path exported = tmp.resolve("exported");
        List<Path> files = runs.job().exportWeights(TrainOptions.builder().loadFrom(sparkRun).build(), exported);
        assertTrue(files.stream().allMatch(Files::isRegularFile), files.toString());
        assertTrue(Files.isRegularFile(exported.resolve("conv1.weights.npy")));
    }

    @Test
    void resultLinesAreASingleMachineRunsLines() {
        runs.out.reset();
        runs.single(runs.options("float32", 1).build());
        String single = runs.out.toString(StandardCharsets.UTF_8);
        assertEquals(shape(single), shape(sparkOut));
        assertTrue(sparkOut.contains("1.1... logprob: "), sparkOut);
    }

    /** Each line with its numbers, times and paths blanked: what the reader sees line by line. */
    private static List<String> shape(String out) {
        return out.lines().map(l -> l.replaceAll("[0-9]+\\.[0-9]+ sec.*", "T").replaceAll("(saved checkpoint ).*", "$1P")
                .replaceAll("logprob: .*?\\(", "logprob: C (")).toList();
    }
}
