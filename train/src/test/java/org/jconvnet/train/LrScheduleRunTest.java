package org.jconvnet.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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
import java.util.Arrays;
import java.util.List;
import org.jconvnet.train.checkpoint.Checkpoint;
import org.jconvnet.train.checkpoint.CheckpointReader;
import org.jconvnet.train.checkpoint.SavedParam;
import org.jconvnet.train.metrics.Metric;
import org.jconvnet.train.metrics.TrainMetric;
import org.jconvnet.train.run.TrainingStopped;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --lr-schedule} against what cuda-convnet's users did by hand (edit epsW/epsB in the
 * layer-params file, resume): on the CPU reference both give the same parameters and momentum
 * buffers bit for bit, which also shows that a resume with an edited file uses the new rates and
 * keeps the checkpoint's momentum. The schedule lives in the checkpoint: a resume continues it, a
 * resume that gives it again replaces it.
 *
 * <p>The tiny net on 2 training batches of 24 images, minibatches of 10 (3 updates per batch),
 * {@code --epochs 2}: batches 1.1 1.2 | 2.1 2.2 | 3.1 (cuda-convnet's extra batch). In float64, where
 * a rate that differs from the edited file's in its last bit changes the weights (float32 hides it).
 */
class LrScheduleRunTest {
    @TempDir
    Path tmp;
    Path data;
    TrainingJob job;
    final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() throws IOException {
        data = TinyData.write(tmp.resolve("data"), 24);
        job = job(TrainingEnvironment.plain());
    }

    private TrainingJob job(TrainingEnvironment env) {
        return TrainingJob.withDiscoveredBackends(new PrintStream(outBytes, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), env);
    }

    /**
     * A fresh copy of the tiny net (layer-def; its layer-params file alongside) for one run, with
     * epsW 0.0007: 0.0007 x 0.1 as doubles is not the double of 0.00007, so the bit-for-bit comparison
     * also holds the schedule to scaling as an edited file's decimal would.
     */
    private Path net(String name) throws IOException {
        return TinyData.tinyNet(tmp.resolve(name), "0.0007");
    }

    private TrainOptions.Builder base(Path net, String name) {
        return TrainOptions.builder().dataPath(data).layerDef(net.toString()).trainRange("1-2").testRange("6").mini(10)
                .seed(7L).backend("cpu").dtype("float64").testFreq(100).savePath(tmp.resolve("save")).saveName(name);
    }

    private TrainOptions resume(Path run, int epochs) {
        return TrainOptions.builder().loadFrom(run).epochs(epochs).backend("cpu").build();
    }

    private static Checkpoint latest(Path run) {
        return CheckpointReader.loadLatest(run, s -> { });
    }

    private static void assertSameParamsAndMomentum(Checkpoint a, Checkpoint b) {
        assertEquals(a.name(), b.name());
        for (SavedParam p : a.params()) {
            SavedParam q = b.param(p.layer(), p.param()).orElseThrow();
            assertArrayEquals(p.values(), q.values(), p.fileName());
            assertArrayEquals(p.momentum(), q.momentum(), p.momentumFileName());
        }
    }

    private static boolean sameParams(Checkpoint a, Checkpoint b) {
        return a.params().stream().allMatch(p -> Arrays.equals(p.values(), b.param(p.layer(), p.param()).orElseThrow().values()));
    }

    private static List<Double> factors(Checkpoint cp) {
        return cp.metrics().stream().filter(m -> m instanceof TrainMetric).map(Metric::lrFactor).toList();
    }

    /** Every epsW and epsB of the layer-params file next to {@code net} divided by 10, as a user would edit it. */
    private static void divideRatesByTen(Path net) throws IOException {
        Path params = net.resolveSibling("layer-params-tiny.cfg");
        String text = Files.readString(params);
        assertTrue(text.contains("epsW=0.0007") && text.contains("epsB=0.002"), text);
        Files.writeString(params, text.replace("epsW=0.0007", "epsW=0.00007").replace("epsB=0.002", "epsB=0.0002"));
    }

    @Test
    void aScheduledRunEqualsAHandEditedResumedRunBitForBit() throws IOException {
        // Scheduled: one command, the rates divided by 10 after 1 epoch.
        Path scheduled = job.train(base(net("a"), "scheduled").epochs(2).lrSchedule("1:0.1").build()).saveDir();
        assertEquals(Arrays.asList(1.0, 1.0, 0.1, 0.1, 0.1), factors(latest(scheduled)));

        // By hand: train epoch 1, stopped at its end (the stop request before batch 2.1 is the 7th poll:
        // before 1.1, after 2 of its 3 minibatches, before 1.2, after 2 of its minibatches, before 2.1) ...
        Path manualNet = net("b");
        StopRequestTest.StopAt stop = new StopRequestTest.StopAt(7);
        assertThrows(TrainingStopped.class, () -> job(TrainingEnvironment.plain().withStop(stop))
                .train(base(manualNet, "manual").epochs(2).build()));
        Path manual = tmp.resolve("save/manual");
        Checkpoint atStop = latest(manual);
        assertEquals("1.2", atStop.name());
        assertTrue(atStop.params().stream().allMatch(p -> Arrays.stream(p.momentum()).anyMatch(v -> v != 0)),
                "every momentum buffer is non-zero at the stop, so restoring it matters");
        // (For the control below: the stop's weights, without momentum.)
        Path exported = tmp.resolve("exported");
        job.exportWeights(TrainOptions.builder().loadFrom(manual).build(), exported);
        // ... then edit the layer-params file and resume.
        divideRatesByTen(manualNet);
        job.train(resume(manual, 2));
        Checkpoint byHand = latest(manual);
        assertTrue(byHand.layerParamsText().contains("epsW=0.00007"), byHand.layerParamsText());
        assertEquals(Arrays.asList(1.0, 1.0, 1.0, 1.0, 1.0), factors(byHand), "no schedule: factor 1 throughout");

        // The same parameters and momentum buffers, bit for bit: the resume used the edited rates
        // (0.0007 x 0.1 as the file's 0.00007) and continued with the checkpoint's momentum.
        assertSameParamsAndMomentum(latest(scheduled), byHand);

        // Controls: at the unedited rates the result differs (so the rate change is visible) ...
        Path unchanged = job.train(base(net("c"), "unchanged").epochs(2).build()).saveDir();
        assertFalse(sameParams(latest(unchanged), byHand), "the rate change changes the result");
        // ... and so does starting the same 3 batches at the new rates from the stop's weights with zero
        // momentum (--init-from: same weights, same data, no momentum).
        Path zeroMomentum = job.train(base(manualNet, "zero-momentum").initFrom(exported).epochs(1).build()).saveDir();
        assertFalse(sameParams(latest(zeroMomentum), byHand), "without the saved momentum the result differs");
    }

    @Test
    void aResumeContinuesTheSavedScheduleAndAGivenOneReplacesIt() throws IOException {
        Path straight = job.train(base(net("a"), "straight").epochs(2).lrSchedule("1:0.1").build()).saveDir();
        // --epochs 1 ends after batch 2.1, already at the scheduled rate; the resume is not told the schedule.
        Path resumed = job.train(base(net("b"), "resumed").epochs(1).lrSchedule("1:0.1").build()).saveDir();
        assertEquals("2.1", latest(resumed).name());
        job.train(resume(resumed, 2));
        assertSameParamsAndMomentum(latest(straight), latest(resumed));
        assertEquals("1:0.1", latest(resumed).options().get("lr-schedule").asText());

        // Given again on resume, it replaces the saved one (here: none, the file's rates again).
        job.train(TrainOptions.builder().loadFrom(resumed).epochs(3).lrSchedule("none").backend("cpu").build());
        Checkpoint replaced = latest(resumed);
        assertEquals(Arrays.asList(1.0, 1.0, 0.1, 0.1, 0.1, 1.0, 1.0), factors(replaced));
        assertEquals("none", replaced.options().get("lr-schedule").asText());
        String jsonl = Files.readString(resumed.resolve("metrics.jsonl"));
        assertTrue(jsonl.lines().allMatch(l -> l.contains("\"lrFactor\":")), jsonl);
    }

    @Test
    void editingTheParamsOfAScheduledRunWarnsThatBothApply() throws IOException {
        Path net = net("a");
        Path run = job.train(base(net, "w").epochs(1).lrSchedule("1:0.1").build()).saveDir();
        divideRatesByTen(net);
        List<String> warnings = new java.util.ArrayList<>();
        ResolvedRun.resolve(resume(run, 2), false, org.jconvnet.api.layer.LayerPluginRegistry.discover(
                getClass().getClassLoader()), warnings::add);
        assertEquals(1, warnings.size(), warnings::toString);
        assertTrue(warnings.get(0).contains("--lr-schedule 1:0.1 is in force: each rate is the file's value times the "
                + "schedule's factor; give --lr-schedule none"), warnings.get(0));
    }
}
