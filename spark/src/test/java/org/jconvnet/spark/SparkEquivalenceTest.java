package org.jconvnet.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.jconvnet.train.checkpoint.CheckpointReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With the gradients combined every minibatch, N workers taking 128/N cases each equal one
 * machine taking 128: the tiny net (conv, fc, softmax, logreg) trained 20 steps (one epoch of three
 * batches of five minibatches and the stop rule's extra batch) from the same seed.
 *
 * <p>Tolerance: the only difference is the order of summation. One machine sums each weight's
 * gradient over the 128 cases inside the backward-weights kernel; N workers sum over their 128/N
 * cases and the tree adds the N partial sums. Each order is exact to a few units of rounding u
 * (float32: u = 2^-24, about 6e-8; float64: about 1.1e-16) of the sum of |terms|, and 20 updates
 * with momentum 0.9 carry each step's rounding forward with a gain of at most 1/(1-0.9) = 10. So
 * the final weights may differ by some tens of u relative to their size; we allow 1e-5 (about 170
 * u) of the largest |weight| in float32 and 1e-12 in float64 (about 9000 u); an update lost or
 * applied twice changes the weights by a whole step. Measured (2026-12-07, CPU reference backend): 4.0e-7
 * of the largest weight for 2 and for 4 workers in float32 (about 7 u), 4.4e-16 in float64.
 * With one worker the sums are the same sums, and the result is bit for bit one machine's.
 */
class SparkEquivalenceTest {
    @TempDir
    static Path tmp;
    static SparkRuns runs;
    static Map<String, double[]> single32;
    static Map<String, double[]> single64;

    @BeforeAll
    static void singleMachine() throws IOException {
        runs = new SparkRuns(tmp);
        single32 = SparkRuns.params(runs.single(runs.options("float32", 1).build()));
        single64 = SparkRuns.params(runs.single(runs.options("float64", 1).build()));
    }

    @Test
    void oneWorkerIsBitIdenticalToOneMachine() {
        Map<String, double[]> one = SparkRuns.params(runs.spark(runs.options("float32", 1).build(), "local[1]", 1, 1));
        for (Map.Entry<String, double[]> e : single32.entrySet()) {
            assertArrayEquals(e.getValue(), one.get(e.getKey()), e.getKey());
        }
    }

    @Test
    void oneWorkerFollowsTheLearningRateScheduleBitForBit() {
        // --epochs 1: batch 2.1, the stop rule's extra batch, trains at a tenth of the rates.
        Map<String, double[]> single = SparkRuns.params(runs.single(runs.options("float32", 1).lrSchedule("1:0.1").build()));
        Map<String, double[]> one = SparkRuns.params(runs.spark(runs.options("float32", 1).lrSchedule("1:0.1").build(),
                "local[1]", 1, 1));
        for (Map.Entry<String, double[]> e : single.entrySet()) {
            assertArrayEquals(e.getValue(), one.get(e.getKey()), e.getKey());
        }
        assertFalse(java.util.Arrays.equals(single32.values().iterator().next(), single.values().iterator().next()),
                "the schedule changes the result");
    }

    @Test
    void twoWorkersMatchOneMachineInFloat32() {
        Path dir = runs.spark(runs.options("float32", 1).build(), "local[2]", 2, 1);
        assertEquals(4, CheckpointReader.loadLatest(dir, w -> { }).batchesDone(),
                "batches 1.1, 1.2, 1.3 and 2.1 (the stop rule's extra batch): 20 minibatches");
        check(SparkRuns.params(dir), single32, 1e-5);
    }

    @Test
    void fourWorkersMatchOneMachineInFloat32() {
        check(SparkRuns.params(runs.spark(runs.options("float32", 1).build(), "local[4]", 4, 1)), single32, 1e-5);
    }

    @Test
    void fourWorkersMatchOneMachineInFloat64() {
        check(SparkRuns.params(runs.spark(runs.options("float64", 1).build(), "local[4]", 4, 1)), single64, 1e-12);
    }

    private static void check(Map<String, double[]> spark, Map<String, double[]> single, double relTol) {
        double diff = SparkRuns.maxDiff(spark, single);
        double scale = SparkRuns.maxAbs(single);
        System.out.printf("max |spark - single| = %.3g, max |w| = %.3g, ratio %.3g%n", diff, scale, diff / scale);
        assertTrue(diff <= relTol * scale, () -> "max difference " + diff + " exceeds " + relTol + " x " + scale);
    }
}
