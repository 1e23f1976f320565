package org.jconvnet.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task that dies in the middle of a step (after its forward, before its backward, as an
 * executor lost there would) is retried by Spark ({@code local[2,4]}: up to 4 attempts per task);
 * the retry rebuilds the worker's replica from the broadcast weights of that round, and the driver
 * applies the round's update once, after the stage has succeeded. The run ends with exactly the
 * weights of a run without the fault, bit for bit (the tree that sums the contributions does not
 * depend on the order tasks finish in).
 */
class SparkFaultTest {
    @TempDir
    static Path tmp;
    static SparkRuns runs;

    @BeforeAll
    static void data() throws IOException {
        runs = new SparkRuns(tmp);
    }

    @AfterEach
    void noFaults() {
        TaskFaults.install(null);
    }

    @Test
    void aTaskDyingMidStepIsRetriedAndNoUpdateIsLostOrRepeated() {
        check(1);
    }

    @Test
    void aTaskDyingDuringLocalStepsIsRetriedFromTheLastAverage() {
        check(2);
    }

    private static void check(int syncEvery) {
        Map<String, double[]> clean = SparkRuns.params(runs.spark(runs.options("float32", 1).build(), "local[2,4]", 2,
                syncEvery));
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger retried = new AtomicInteger();
        TaskFaults.install((version, worker, attempt) -> {
            if (version != 6 || worker != 1) {
                return false;
            }
            if (attempt == 0) {
                failed.incrementAndGet();
                return true;
            }
            retried.incrementAndGet();
            return false;
        });
        Map<String, double[]> faulty = SparkRuns.params(runs.spark(runs.options("float32", 1).build(), "local[2,4]", 2,
                syncEvery));
        assertEquals(1, failed.get(), "the first attempt of worker 1 in round 6 died once");
        assertEquals(syncEvery, retried.get(), "and its retry ran each of the task's steps once");
        for (Map.Entry<String, double[]> e : clean.entrySet()) {
            assertArrayEquals(e.getValue(), faulty.get(e.getKey()), e.getKey());
        }
    }
}
