package org.jconvnet.train.facade;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.api.backend.BackendConfig;
import org.jconvnet.api.backend.BackendRegistry;
import org.jconvnet.api.io.Npy;
import org.jconvnet.api.io.NpyArray;
import org.jconvnet.train.InvalidOptionException;
import org.jconvnet.train.data.CifarBatch;
import org.jconvnet.train.data.CifarBatchReader;
import org.jconvnet.train.data.SyntheticCifar;
import org.jconvnet.train.metrics.Metric;
import org.jconvnet.train.metrics.TestMetric;
import org.jconvnet.train.metrics.TrainMetric;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The facade end to end on the CPU reference: a tiny cifar-cropped net trained from code for a few
 * batches on tiny CIFAR-format batches, then loaded, predicted on, tested and closed.
 */
class JConvNetTest {
    private static final int IMAGES = 24;

    @TempDir
    static Path tmp;
    static Path data;
    static Path checkpoint;
    static CifarBatch testBatch;
    static final List<Metric> heard = new ArrayList<>();

    @BeforeAll
    static void trainATinyNetFromCode() throws IOException, URISyntaxException {
        data = tmp.resolve("data");
        Files.createDirectories(data);
        SyntheticCifar s = new SyntheticCifar(2, IMAGES, IMAGES);
        for (int k = 1; k <= 2; k++) {
            Files.write(data.resolve("data_batch_" + k + ".bin"), CifarBatchReader.encode(s.batch(k)));
        }
        testBatch = s.batch(6);
        Files.write(data.resolve("test_batch.bin"), CifarBatchReader.encode(testBatch));
        Files.write(data.resolve("batches.meta.txt"), SyntheticCifar.NAMES);
        TrainingResult r = JConvNet.create(tinyNet()).dataPath(data).trainRange("1-2").testRange("6")
                .dataProvider("cifar-cropped").minibatch(10).seed(7).backend("cpu")
                .train(new Training().epochs(1).testFreq(2).saveTo(tmp.resolve("save"), "ck").onMetric(heard::add));
        checkpoint = r.runDir();
        assertEquals("2.1", r.epoch() + "." + r.batchNum());
        assertEquals(3, r.batchesTrained());
    }

    @Test
    void trainingFromCodeTakesTheLearningRateSchedule() throws URISyntaxException {
        List<Metric> seen = new ArrayList<>();
        JConvNet.create(tinyNet()).dataPath(data).trainRange("1-2").testRange("6").minibatch(10).seed(7).backend("cpu")
                .train(new Training().epochs(1).testFreq(100).lrSchedule("1:0.1").saveTo(tmp.resolve("save"), "scheduled")
                        .onMetric(seen::add));
        assertEquals(List.of(1.0, 1.0, 0.1), seen.stream().filter(m -> m instanceof TrainMetric).map(Metric::lrFactor)
                .toList(), "epoch 2 trains at a tenth of the rates");
        InvalidOptionException e = assertThrows(InvalidOptionException.class, () -> JConvNet.create(tinyNet()).dataPath(data)
                .trainRange("1-2").testRange("6").backend("cpu").train(new Training().epochs(1).lrSchedule("2:0.1")
                        .saveTo(tmp.resolve("save"), "refused")));
        assertTrue(e.getMessage().contains("--lr-schedule 2:0.1: the step after 2 epochs is beyond --epochs 1"),
                e.getMessage());
    }

    static String tinyNet() throws URISyntaxException {
        return Path.of(JConvNetTest.class.getResource("/nets/layers-tiny.cfg").toURI()).toString();
    }

    static List<ImageInput> testImages() {
        List<ImageInput> images = new ArrayList<>();
        for (int i = 0; i < testBatch.numCases(); i++) {
            images.add(ImageInput.cifar(java.util.Arrays.copyOfRange(testBatch.pixels(), i * CifarBatch.PIXELS,
                    (i + 1) * CifarBatch.PIXELS)));
        }
        return images;
    }

    @Test
    void theListenerHearsEveryRecordOfTheMetricsLog() {
        List<String> batches = heard.stream().filter(m -> m instanceof TrainMetric).map(m -> m.epoch() + "." + m.batch())
                .toList();
        assertEquals(List.of("1.1", "1.2", "2.1"), batches);
        assertEquals(2, heard.stream().filter(m -> m instanceof TestMetric).count());
        assertEquals(heard, org.jconvnet.train.MetricsLog.read(checkpoint.resolve("metrics.jsonl")));
    }

    @Test
    void predictionsAreProbabilitiesNamedByTheDataSet() {
        try (JConvNet net = JConvNet.load(checkpoint).backend("cpu").open()) {
            assertEquals(10, net.numClasses());
            assertEquals(3 * 24 * 24, net.preparedSize(), "cifar-cropped: 24x24 centre crops");
            assertEquals(SyntheticCifar.NAMES, net.classNames());
            float[] p = net.predict(testImages().get(0));
            assertEquals(10, p.length);
            double sum = 0;
            for (float v : p) {
                assertTrue(v >= 0 && v <= 1, "probability " + v);
                sum += v;
            }
            assertEquals(1, sum, 1e-5);
            List<ClassScore> top = net.top(p, 3);
            assertEquals(3, top.size());
            assertTrue(top.get(0).probability() >= top.get(1).probability());
            assertEquals(SyntheticCifar.NAMES.get(top.get(0).index()), top.get(0).name());
        }
    }

    @Test
    void featuresOfGivenImagesEqualTheTestRangeFileBitForBit() {
        try (JConvNet net = JConvNet.load(checkpoint).backend("cpu").open()) {
            JConvNet.WrittenFeatures written = net.writeFeatures("fc10", tmp.resolve("features"), "fc10");
            assertEquals(10, written.outputs());
            assertEquals(IMAGES, written.cases());
            NpyArray file = Npy.read(written.file());
            List<float[]> mine = net.features("fc10", testImages());
            for (int j = 0; j < IMAGES; j++) {
                for (int d = 0; d < 10; d++) {
                    assertEquals(Float.floatToRawIntBits((float) file.data()[d * IMAGES + j]),
                            Float.floatToRawIntBits(mine.get(j)[d]), "image " + j + " output " + d);
                }
            }
            // The probabilities are those of the same pass.
            List<float[]> probs = net.features("probs", testImages());
            assertArrayEquals(probs.get(5), net.predict(testImages()).get(5));
        }
    }

    @Test
    void aBufferedImageAndHwcBytesArePreparedAsTheirCifarRecord() {
        byte[] record = testImages().get(3).planarBytes();
        BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        byte[] hwc = new byte[3072];
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                int r = record[y * 32 + x] & 0xff;
                int g = record[1024 + y * 32 + x] & 0xff;
                int b = record[2048 + y * 32 + x] & 0xff;
                img.setRGB(x, y, (r << 16) | (g << 8) | b);
                hwc[(y * 32 + x) * 3] = (byte) r;
                hwc[(y * 32 + x) * 3 + 1] = (byte) g;
                hwc[(y * 32 + x) * 3 + 2] = (byte) b;
            }
        }
        assertArrayEquals(record, ImageInput.of(img).planarBytes());
        assertArrayEquals(record, ImageInput.hwc(hwc, 32, 32).planarBytes());
        try (JConvNet net = JConvNet.load(checkpoint).backend("cpu").open()) {
            assertArrayEquals(net.predict(record), net.predict(img));
        }
    }

    @Test
    void preparedFloatInputIsTheMeanSubtractedCentreCrop() {
        try (JConvNet net = JConvNet.load(checkpoint).backend("cpu").open()) {
            byte[] px = testImages().get(7).planarBytes();
            double[] mean = net.dataMean();
            int border = 4;
            int inner = 32 - 2 * border;
            float[] prepared = new float[3 * inner * inner];
            for (int c = 0; c < 3; c++) {
                for (int y = 0; y < inner; y++) {
                    for (int x = 0; x < inner; x++) {
                        int at = (c * 32 + y + border) * 32 + x + border;
                        prepared[(c * inner + y) * inner + x] = (float) ((px[at] & 0xff) - mean[at]);
                    }
                }
            }
            float[] fromImage = net.predict(px);
            assertArrayEquals(fromImage, net.predictPrepared(prepared, 1));
            // A direct buffer is copied to the heap first; the result is the same.
            FloatBuffer direct = ByteBuffer.allocateDirect(4 * prepared.length).order(ByteOrder.nativeOrder()).asFloatBuffer();
            direct.put(prepared).flip();
            assertArrayEquals(fromImage, net.predictPrepared(direct, 1));
            assertEquals(prepared.length, direct.remaining(), "the caller's buffer is not consumed");
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> net.predictPrepared(prepared, 2));
            assertTrue(e.getMessage().contains("2 cases of 1728 values need 3456 floats, the buffer holds 1728"),
                    e.getMessage());
        }
    }

    @Test
    void eightThreadsGetTheSingleThreadedResults() throws Exception {
        List<ImageInput> images = testImages();
        try (JConvNet net = JConvNet.load(checkpoint).backend("cpu").open()) {
            List<float[]> single = new ArrayList<>();
            for (ImageInput image : images) {
                single.add(net.predict(image));
            }
            List<float[]> batched = net.predict(images);
            // A case's result does not depend on the minibatch it ran in (the CPU reference computes cases apart).
            for (int i = 0; i < images.size(); i++) {
                assertArrayEquals(single.get(i), batched.get(i), "image " + i + " alone and in a minibatch");
            }
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    int thread = t;
                    done.add(pool.submit(() -> {
                        for (int round = 0; round < 3; round++) {
                            for (int i = thread; i < images.size(); i += 3) {
                                assertArrayEquals(single.get(i), net.predict(images.get(i)), "image " + i);
                            }
                            List<float[]> all = net.predict(images);
                            for (int i = 0; i < images.size(); i++) {
                                assertArrayEquals(batched.get(i), all.get(i), "image " + i + " of the list");
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void closingFreesEveryTensorAndRefusesUse() {
        RecordingBackend backend = new RecordingBackend(BackendStarter.start("cpu",
                BackendRegistry.discover(getClass().getClassLoader()), BackendConfig.defaults()).backend());
        try {
            JConvNet net = JConvNet.load(checkpoint).runOn(() -> backend).open();
            net.predict(testImages());
            assertTrue(backend.open() > 0);
            net.close();
            assertEquals(0, backend.open(), "tensors left open after close");
            assertFalse(backend.closed(), "a backend handed in stays the caller's");
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> net.predict(testImages().get(0)));
            assertTrue(e.getMessage().contains("checkpoint " + checkpoint) && e.getMessage().contains("is closed"),
                    e.getMessage());
            assertThrows(IllegalStateException.class, net::test);
            net.close();
        } finally {
            backend.close();
        }
    }

    @Test
    void testMeasuresWhatTheCheckpointsLastTestMeasured() {
        try (JConvNet net = JConvNet.load(checkpoint).backend("cpu").open()) {
            TestResult t = net.test();
            assertEquals("6", t.range());
            assertEquals(IMAGES, t.cases());
            TestMetric last = (TestMetric) heard.get(heard.size() - 1);
            assertEquals(last.costs(), t.costs());
            assertTrue(t.output().get(1).startsWith("test on batches 6: logprob: "), t.output().toString());
            TestResult multiview = net.test("6", true);
            assertEquals(IMAGES, multiview.cases());
            assertTrue(multiview.output().get(1).startsWith("multiview test on batches 6"), multiview.output().toString());
            InvalidOptionException e = assertThrows(InvalidOptionException.class, () -> net.test("3", false));
            assertTrue(e.getMessage().startsWith("--test-range 3: the data has no batch 3"), e.getMessage());
        }
    }

    @Test
    void exportedWeightsOpenAsTheSameNet() throws URISyntaxException {
        Path weights = tmp.resolve("weights");
        try (JConvNet net = JConvNet.load(checkpoint).backend("cpu").open()) {
            List<Path> files = net.exportWeights(weights);
            assertTrue(files.get(files.size() - 1).endsWith("data-mean.npy"), files.toString());
            try (JConvNet copy = JConvNet.create(tinyNet()).dataPath(data).dataProvider("cifar-cropped").initFrom(weights)
                    .backend("cpu").open()) {
                assertArrayEquals(net.predict(testImages().get(1)), copy.predict(testImages().get(1)));
            }
        }
    }

    @Test
    void aCheckpointPredictsWithoutItsDataSet() {
        try (JConvNet net = JConvNet.load(checkpoint).dataPath(tmp.resolve("gone")).backend("cpu").open()) {
            assertEquals(List.of(), net.classNames(), "no data set: no class names");
            assertEquals(String.valueOf(net.top(net.predict(testImages().get(0)), 1).get(0).index()),
                    net.top(net.predict(testImages().get(0)), 1).get(0).name());
            InvalidOptionException e = assertThrows(InvalidOptionException.class, net::test);
            assertTrue(e.getMessage().contains("--test-range 6: the data set is not readable here (--data-path "
                    + tmp.resolve("gone") + ": no such directory)"), e.getMessage());
        }
        JConvNetException e = assertThrows(JConvNetException.class, () -> JConvNet.load(checkpoint)
                .dataPath(tmp.resolve("gone")).dataRequired(true).backend("cpu").open());
        assertTrue(e.getMessage().contains(tmp.resolve("gone") + ": no such directory"), e.getMessage());
    }

    @Test
    void badInputNamesWhatAndWhere() {
        BufferedImage big = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        InvalidImageException size = assertThrows(InvalidImageException.class, () -> ImageInput.of(big));
        assertEquals("the image is 64x48 pixels; the net takes 32x32 CIFAR-10 images (scale it to 32x32 first)",
                size.getMessage());
        InvalidImageException record = assertThrows(InvalidImageException.class, () -> ImageInput.cifar(new byte[100]));
        assertTrue(record.getMessage().contains("got 100 bytes"), record.getMessage());
        InvalidImageException hwc = assertThrows(InvalidImageException.class,
                () -> ImageInput.hwc(new byte[3072], 16, 64));
        assertTrue(hwc.getMessage().startsWith("HWC bytes (16x64x3) is 64x16 pixels"), hwc.getMessage());

        try (JConvNet net = JConvNet.load(checkpoint).backend("cpu").open()) {
            InvalidOptionException layer = assertThrows(InvalidOptionException.class,
                    () -> net.features("nosuch", testImages()));
            assertEquals("features: the net has no layer 'nosuch'; its layers: data, labels, conv1, conv1_neuron, fc10, "
                    + "probs, logprob", layer.getMessage());
        }
        UnknownBackendException backend = assertThrows(UnknownBackendException.class,
                () -> JConvNet.load(checkpoint).backend("nosuch").open());
        assertTrue(backend.getMessage().startsWith("unknown backend 'nosuch'; known backends: ")
                && backend.getMessage().contains("cpu"), backend.getMessage());
        JConvNetException missing = assertThrows(JConvNetException.class,
                () -> JConvNet.load(tmp.resolve("no-such-run")).backend("cpu").open());
        assertEquals("JConvNet.load(" + tmp.resolve("no-such-run") + "): no such checkpoint directory", missing.getMessage());
        InvalidOptionException plugins = assertThrows(InvalidOptionException.class,
                () -> JConvNet.load(checkpoint).plugins(tmp.resolve("no-plugins")).backend("cpu").open());
        assertEquals("plugin folder '" + tmp.resolve("no-plugins") + "' is not a directory", plugins.getMessage());
    }

    @Test
    void theSystemPropertyChoosesTheBackendWhenNoneIsNamed() {
        String before = System.getProperty("jconvnet.backend");
        System.setProperty("jconvnet.backend", "nosuch");
        try {
            UnknownBackendException e = assertThrows(UnknownBackendException.class, () -> JConvNet.load(checkpoint).open());
            assertTrue(e.getMessage().startsWith("unknown backend 'nosuch'"), e.getMessage());
            System.setProperty("jconvnet.backend", "cpu");
            try (JConvNet net = JConvNet.load(checkpoint).open()) {
                assertEquals("cpu", net.backendId());
            }
        } finally {
            if (before == null) {
                System.clearProperty("jconvnet.backend");
            } else {
                System.setProperty("jconvnet.backend", before);
            }
        }
    }
}
