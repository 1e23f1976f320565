package org.jconvnet.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.api.io.Npy;
import org.jconvnet.api.io.NpyArray;
import org.jconvnet.train.checkpoint.Checkpoint;
import org.jconvnet.train.checkpoint.CheckpointReader;
import org.jconvnet.train.checkpoint.SavedParam;
import org.jconvnet.train.interop.WeightsIo;
import org.jconvnet.train.metrics.Metric;
import org.jconvnet.train.metrics.TestMetric;
import org.jconvnet.train.metrics.TrainMetric;
import org.jconvnet.train.show.ShowJob;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End-to-end runs of the facade with the tiny net on tiny batches and the CPU backend. */
class TrainingJobTest {
    @TempDir
    Path tmp;
    Path data;
    final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    TrainingJob job;

    @BeforeEach
    void setUp() throws IOException {
        data = TinyData.write(tmp.resolve("data"), 24);
        job = TrainingJob.withDiscoveredBackends(new PrintStream(outBytes, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    private TrainOptions.Builder base(String name) {
        return TrainOptions.builder().dataPath(data).layerDef(TinyData.tinyNet()).trainRange("1-2").testRange("6")
                .mini(10).seed(7L).backend("cpu").savePath(tmp.resolve("save")).saveName(name);
    }

    private static List<String> trainedBatches(List<Metric> metrics) {
        return metrics.stream().filter(r -> r instanceof TrainMetric)
                .map(r -> r.epoch() + "." + r.batch()).collect(Collectors.toList());
    }

    @Test
    void stopRuleTrainsOneBatchIntoTheNextEpochAndTestsOnSchedule() {
        TrainingJob.Result r = job.train(base("a").epochs(1).testFreq(2).build());
        Checkpoint cp = CheckpointReader.loadLatest(r.saveDir(), s -> { });
        assertEquals(List.of("1.1", "1.2", "2.1"), trainedBatches(cp.metrics()));
        // Tests after batch 2 (test-freq) and a final one after 2.1.
        assertEquals(List.of(2L, 3L), cp.metrics().stream().filter(m -> m instanceof TestMetric)
                .map(Metric::batchesDone).collect(Collectors.toList()));
        assertEquals("2.1", cp.name());
        assertEquals(3, cp.batchesDone());
        assertTrue(Files.isRegularFile(r.saveDir().resolve("metrics.jsonl")));
        assertEquals(cp.metrics(), MetricsLog.read(r.saveDir().resolve("metrics.jsonl")));
        assertTrue(outBytes.toString(StandardCharsets.UTF_8).contains("Test output"));
        double err = r.lastTest().get("logprob").get(1);
        assertTrue(err >= 0 && err <= 1, "error rate " + err);
    }

    @Test
    void resumingGivesBitIdenticalParametersToAnUninterruptedRun() {
        TrainingJob.Result straight = job.train(base("straight").epochs(2).testFreq(100).dataProvider("cifar-cropped").build());
        TrainingJob.Result first = job.train(base("resumed").epochs(1).testFreq(100).dataProvider("cifar-cropped").build());
        assertEquals("2.1", first.epoch() + "." + first.batchNum());
        TrainingJob.Result second = job.train(TrainOptions.builder().loadFrom(first.saveDir()).epochs(2).backend("cpu").build());
        Checkpoint a = CheckpointReader.loadLatest(straight.saveDir(), s -> { });
        Checkpoint b = CheckpointReader.loadLatest(second.saveDir(), s -> { });
        assertEquals(a.name(), b.name());
        assertEquals(trainedBatches(a.metrics()), trainedBatches(b.metrics()));
        for (SavedParam p : a.params()) {
            SavedParam q = b.param(p.layer(), p.param()).orElseThrow();
            assertArrayEquals(p.values(), q.values(), p.fileName());
            assertArrayEquals(p.momentum(), q.momentum(), p.momentumFileName());
        }
        assertNotEquals(0.0, a.params().get(0).momentum()[0], "momentum is really saved");
    }

    @Test
    void aResumedRunGoesOnWithTheTestOneRotation() {
        // Test batches 3 and 6 in rotation, after every batch: 3, 6, 3 in the first run; 6, 3 after resuming.
        TrainOptions.Builder rotating = base("rotation").trainRange("1").testRange("3,6").testOne(true).testFreq(1);
        TrainingJob.Result first = job.train(rotating.epochs(2).build());
        TrainingJob.Result second = job.train(TrainOptions.builder().loadFrom(first.saveDir()).epochs(4).backend("cpu").build());
        Checkpoint cp = CheckpointReader.loadLatest(second.saveDir(), s -> { });
        assertEquals(List.of(List.of(3), List.of(6), List.of(3), List.of(6), List.of(3)), cp.metrics().stream()
                .filter(m -> m instanceof TestMetric).map(m -> ((TestMetric) m).testBatches()).collect(Collectors.toList()));
    }

    @Test
    void multiviewTestAppliesToTheTestsDuringTraining() {
        TrainingJob.Result r = job.train(base("mv").epochs(1).testFreq(100).testOne(false).dataProvider("cifar-cropped")
                .multiviewTest(true).build());
        TrainingJob.Result multiview = job.test(TrainOptions.builder().loadFrom(r.saveDir()).backend("cpu").multiviewTest(true).build());
        TrainingJob.Result plain = job.test(TrainOptions.builder().loadFrom(r.saveDir()).backend("cpu").multiviewTest(false).build());
        assertEquals(multiview.lastTest(), r.lastTest());
        assertNotEquals(plain.lastTest(), r.lastTest());
        JConvNetException e = assertThrows(JConvNetException.class,
                () -> job.train(base("mv-uncropped").epochs(1).multiviewTest(true).build()));
        assertTrue(e.getMessage().contains("--multiview-test needs --data-provider=cifar-cropped"), e.getMessage());
    }

    @Test
    void exportThenInitFromThenFeaturesRoundTripsBitIdentically() {
        TrainingJob.Result r = job.train(base("m").epochs(1).testFreq(100).build());
        Path exported = tmp.resolve("weights");
        List<Path> files = job.exportWeights(TrainOptions.builder().loadFrom(r.saveDir()).backend("cpu").build(), exported);
        assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().equals("conv1.weights.npy")));
        assertTrue(Npy.read(exported.resolve("fc10.weights.npy")).fortranOrder());
        assertEquals("(4, 1)", Npy.read(exported.resolve("conv1.biases.npy")).shapeText());
        assertEquals("(1, 10)", Npy.read(exported.resolve("fc10.biases.npy")).shapeText());
        Path f1 = job.features(TrainOptions.builder().loadFrom(r.saveDir()).backend("cpu").build(), "fc10",
                tmp.resolve("f1"), "fc10");
        Path f2 = job.features(base("unused").initFrom(exported).build(), "fc10", tmp.resolve("f2"), "fc10");
        NpyArray a = Npy.read(f1);
        NpyArray b = Npy.read(f2);
        assertArrayEquals(new int[] {10, 24}, a.shape());
        assertArrayEquals(a.data(), b.data());
        // Re-exporting the init-from model gives byte-identical files.
        Path again = tmp.resolve("again");
        job.exportWeights(base("unused2").initFrom(exported).build(), again);
        for (Path f : files) {
            try {
                assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(again.resolve(f.getFileName())), f.toString());
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void exportedWeightsCarryTheDataMeanSoInitFromNeedsNoTrainingBatches() throws IOException {
        // issue 17: --init-from recomputed the mean from the training batches, so it failed without them.
        TrainingJob.Result r = job.train(base("m").epochs(1).testFreq(100).build());
        Path exported = tmp.resolve("weights");
        List<Path> files = job.exportWeights(TrainOptions.builder().loadFrom(r.saveDir()).backend("cpu").build(), exported);
        assertTrue(files.contains(exported.resolve(WeightsIo.DATA_MEAN)), files::toString);
        Checkpoint cp = CheckpointReader.loadLatest(r.saveDir(), s -> { });
        assertArrayEquals(cp.dataMean(), Npy.read(exported.resolve(WeightsIo.DATA_MEAN)).data());
        assertEquals("(3072, 1)", Npy.read(exported.resolve(WeightsIo.DATA_MEAN)).shapeText());

        Path testOnly = Files.createDirectories(tmp.resolve("test-batch-only"));
        try (var names = Files.list(data)) {
            for (Path f : names.filter(f -> f.getFileName().toString().startsWith("test_batch")).toList()) {
                Files.copy(f, testOnly.resolve(f.getFileName()));
            }
        }
        Path f1 = job.features(TrainOptions.builder().loadFrom(r.saveDir()).backend("cpu").build(), "fc10",
                tmp.resolve("f1"), "fc10");
        Path f2 = job.features(base("unused").dataPath(testOnly).initFrom(exported).build(), "fc10",
                tmp.resolve("f2"), "fc10");
        assertArrayEquals(Npy.read(f1).data(), Npy.read(f2).data());

        Npy.write(exported.resolve(WeightsIo.DATA_MEAN), NpyArray.matrix(5, 1, org.jconvnet.api.tensor.DType.FLOAT64,
                new double[5]));
        JConvNetException e = assertThrows(JConvNetException.class, () -> job.features(base("bad").dataPath(testOnly)
                .initFrom(exported).build(), "fc10", tmp.resolve("f3"), "fc10"));
        assertTrue(e.getMessage().contains("data-mean.npy has shape (5, 1)"), e.getMessage());
    }

    @Test
    void initFromWithAWrongShapeNamesTheFileAndBothShapes() {
        TrainingJob.Result r = job.train(base("m").epochs(1).testFreq(100).build());
        Path exported = tmp.resolve("w");
        job.exportWeights(TrainOptions.builder().loadFrom(r.saveDir()).backend("cpu").build(), exported);
        Npy.write(exported.resolve("conv1.weights.npy"), NpyArray.matrix(48, 5, org.jconvnet.api.tensor.DType.FLOAT32,
                new double[240]));
        JConvNetException e = assertThrows(JConvNetException.class,
                () -> job.train(base("x").initFrom(exported).epochs(1).build()));
        assertTrue(e.getMessage().contains("conv1.weights.npy") && e.getMessage().contains("(48, 5)")
                && e.getMessage().contains("(48, 4)"), e.getMessage());
    }

    @Test
    void multiviewTestAndShowRunOnACheckpoint() {
        TrainingJob.Result r = job.train(base("mv").epochs(1).testFreq(100).dataProvider("cifar-cropped").build());
        TrainingJob.Result t = job.test(TrainOptions.builder().loadFrom(r.saveDir()).multiviewTest(true).backend("cpu").build());
        double err = t.lastTest().get("logprob").get(1);
        assertTrue(err >= 0 && err <= 1);
        assertTrue(outBytes.toString(StandardCharsets.UTF_8).contains("multiview test on batches 6:"));
        List<Path> pngs = ShowJob.run(job, TrainOptions.builder().loadFrom(r.saveDir()).backend("cpu").build(),
                new ShowJob.Request(tmp.resolve("show"), null, null, true, false, 1));
        assertEquals(List.of("cost.png", "error.png", "filters-conv1.png", "predictions.png"),
                pngs.stream().map(p -> p.getFileName().toString()).collect(Collectors.toList()));
        pngs.forEach(p -> assertTrue(Files.isRegularFile(p)));
    }

    @Test
    void aCopiedCheckpointDirectoryTestsWithOnlyTheTestBatch() throws IOException {
        TrainingJob.Result r = job.train(base("t").epochs(1).testFreq(100).build());
        Checkpoint cp = CheckpointReader.loadLatest(r.saveDir(), s -> { });
        Map<String, List<Double>> here = job.test(TrainOptions.builder().loadFrom(r.saveDir()).backend("cpu").build())
                .lastTest();
        // Elsewhere: one checkpoint directory copied on its own, and a data directory with the test batch only.
        Path copy = tmp.resolve("elsewhere/" + cp.name());
        Files.createDirectories(copy);
        try (var files = Files.list(r.saveDir().resolve(cp.name()))) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        Path testOnly = Files.createDirectories(tmp.resolve("test-only"));
        Files.copy(data.resolve("test_batch.bin"), testOnly.resolve("test_batch.bin"));
        TrainingJob.Result there = job.test(TrainOptions.builder().loadFrom(copy).dataPath(testOnly).testRange("6")
                .backend("cpu").build());
        assertEquals(here, there.lastTest(), "the same test error from the copy, without the training batches");
    }

    @Test
    void resumeReReadsTheLayerParamsFile() throws IOException {
        Path def = tmp.resolve("net/layers-tiny.cfg");
        Files.createDirectories(def.getParent());
        Files.copy(Path.of(TinyData.tinyNet()), def);
        Path params = def.resolveSibling("layer-params-tiny.cfg");
        Files.copy(Path.of(TinyData.tinyNet()).resolveSibling("layer-params-tiny.cfg"), params);
        TrainingJob.Result r = job.train(base("p").layerDef(def.toString()).epochs(1).testFreq(100).build());
        Checkpoint before = CheckpointReader.loadLatest(r.saveDir(), s -> { });
        // Freeze every layer by editing the file, as one lowers learning rates mid-training in cuda-convnet.
        Files.writeString(params, Files.readString(params).replaceAll("eps([WB])=[0-9.]+", "eps$1=0"));
        job.train(TrainOptions.builder().loadFrom(r.saveDir()).epochs(2).backend("cpu").build());
        Checkpoint after = CheckpointReader.loadLatest(r.saveDir(), s -> { });
        assertTrue(after.batchesDone() > before.batchesDone());
        assertTrue(after.layerParamsText().contains("epsW=0"), after.layerParamsText());
        for (SavedParam p : before.params()) {
            assertArrayEquals(p.values(), after.param(p.layer(), p.param()).orElseThrow().values(), p.fileName());
        }
    }
}
