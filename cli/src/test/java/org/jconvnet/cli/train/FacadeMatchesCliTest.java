package org.jconvnet.cli.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;
import org.jconvnet.api.io.Npy;
import org.jconvnet.api.io.NpyArray;
import org.jconvnet.train.TrainOptions;
import org.jconvnet.train.TrainingJob;
import org.jconvnet.train.data.CifarBatch;
import org.jconvnet.train.data.CifarBatchReader;
import org.jconvnet.train.data.CifarDirectory;
import org.jconvnet.train.data.SyntheticCifar;
import org.jconvnet.train.facade.ImageInput;
import org.jconvnet.train.facade.JConvNet;
import org.jconvnet.train.facade.TestResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: the library and the command line give the same numbers, bit for bit on the CPU
 * reference, for one checkpoint (a tiny cifar-cropped net trained a few batches by the CLI): the
 * facade's test against {@code jconvnet test} and {@code train --test-only}, its features against
 * {@code jconvnet features}, and {@code jconvnet predict} on PNG files against the facade.
 */
class FacadeMatchesCliTest {
    private static final int IMAGES = 20;

    @TempDir
    static Path tmp;
    static Path data;
    static Path checkpoint;
    static CifarBatch testBatch;

    @BeforeAll
    static void trainATinyModel() throws IOException, URISyntaxException {
        data = tmp.resolve("data");
        Files.createDirectories(data);
        SyntheticCifar s = new SyntheticCifar(2, IMAGES, IMAGES);
        for (int k = 1; k <= 2; k++) {
            Files.write(data.resolve("data_batch_" + k + ".bin"), CifarBatchReader.encode(s.batch(k)));
        }
        testBatch = s.batch(6);
        Files.write(data.resolve("test_batch.bin"), CifarBatchReader.encode(testBatch));
        String net = Path.of(FacadeMatchesCliTest.class.getResource("layers-tiny.cfg").toURI()).toString();
        TrainCommandsTest.Run r = TrainCommandsTest.run("train", "--backend", "cpu", "--data-path", data.toString(),
                "--layer-def", net, "--data-provider", "cifar-cropped", "--train-range", "1-2", "--test-range", "6",
                "--epochs", "1", "--mini", "8", "--seed", "5", "--save-path", tmp.resolve("save").toString(),
                "--save-name", "ck");
        assertEquals(0, r.code(), r.toString());
        checkpoint = tmp.resolve("save/ck");
    }

    private static ImageInput testImage(int i) {
        return ImageInput.cifar(Arrays.copyOfRange(testBatch.pixels(), i * CifarBatch.PIXELS, (i + 1) * CifarBatch.PIXELS));
    }

    private static List<ImageInput> testImages() {
        List<ImageInput> all = new ArrayList<>();
        for (int i = 0; i < IMAGES; i++) {
            all.add(testImage(i));
        }
        return all;
    }

    /** Test image {@code i} as a PNG file. */
    private static Path png(int i) throws IOException {
        BufferedImage img = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 32; x++) {
                img.setRGB(x, y, testBatch.pixel(i, 0, y, x) << 16 | testBatch.pixel(i, 1, y, x) << 8 | testBatch.pixel(i, 2, y, x));
            }
        }
        Path f = tmp.resolve("image-" + i + ".png");
        ImageIO.write(img, "png", f.toFile());
        return f;
    }

    @Test
    void testPrintsTheFacadesNumbers() {
        TrainCommandsTest.Run cli = TrainCommandsTest.run("test", "--backend", "cpu", "-f", checkpoint.toString());
        assertEquals(0, cli.code(), cli.toString());
        TrainCommandsTest.Run multiview = TrainCommandsTest.run("test", "--backend", "cpu", "-f", checkpoint.toString(),
                "--multiview-test", "1");
        assertEquals(0, multiview.code(), multiview.toString());
        try (JConvNet net = JConvNet.load(checkpoint).backend("cpu").open()) {
            TestResult t = net.test();
            assertEquals(cli.out().lines().toList(), t.output());
            assertEquals(IMAGES, t.cases());
            assertEquals(multiview.out().lines().toList(), net.test("6", true).output());
            // The doubles themselves, against the train module's own test (train --test-only).
            TrainingJob.Result job = TrainingJob.withDiscoveredBackends(quiet(), quiet())
                    .test(TrainOptions.builder().loadFrom(checkpoint).backend("cpu").build());
            List<Long> mine = t.costs().get("logprob").stream().map(Double::doubleToRawLongBits).toList();
            assertEquals(job.lastTest().get("logprob").stream().map(Double::doubleToRawLongBits).toList(), mine);
        }
    }

    @Test
    void featuresWritesTheFacadesFeatures() {
        Path dir = tmp.resolve("features");
        for (String layer : List.of("fc10", "probs")) {
            TrainCommandsTest.Run cli = TrainCommandsTest.run("features", "--backend", "cpu", "-f", checkpoint.toString(),
                    "--layer", layer, "-o", dir.toString());
            assertEquals(0, cli.code(), cli.toString());
            assertEquals("wrote " + dir.resolve(layer + ".npy") + " (10 x " + IMAGES + ")", cli.out().strip());
            NpyArray file = Npy.read(dir.resolve(layer + ".npy"));
            try (JConvNet net = JConvNet.load(checkpoint).backend("cpu").open()) {
                List<float[]> mine = net.features(layer, testImages());
                for (int j = 0; j < IMAGES; j++) {
                    for (int d = 0; d < 10; d++) {
                        assertEquals(Float.floatToRawIntBits((float) file.data()[d * IMAGES + j]),
                                Float.floatToRawIntBits(mine.get(j)[d]), layer + ": image " + j + ", output " + d);
                    }
                }
            }
        }
    }

    @Test
    void predictPrintsTheTopClassesOfEachPng() throws IOException {
        Path a = png(0);
        Path b = png(1);
        TrainCommandsTest.Run r = TrainCommandsTest.run("predict", "--backend", "cpu", "-f", checkpoint.toString(),
                "--top", "3", a.toString(), b.toString());
        assertEquals(0, r.code(), r.toString());
        try (JConvNet net = JConvNet.load(checkpoint).backend("cpu").open()) {
            List<float[]> probs = net.predict(List.of(testImage(0), testImage(1)));
            assertEquals(List.of(PredictCommand.line(a, net.top(probs.get(0), 3)), PredictCommand.line(b, net.top(probs.get(1), 3))),
                    r.out().lines().toList());
        }
        // No batches.meta.txt in the data: the CIFAR-10 names.
        String first = r.out().lines().findFirst().orElseThrow();
        assertTrue(first.matches(java.util.regex.Pattern.quote(a.toString()) + ": (\\w+ 0\\.\\d{4}, ){2}\\w+ 0\\.\\d{4}"), first);
        assertTrue(CifarDirectory.CIFAR10_NAMES.contains(first.substring(first.indexOf(": ") + 2).split(" ")[0]), first);

        TrainCommandsTest.Run all = TrainCommandsTest.run("predict", "--backend", "cpu", "-f", checkpoint.toString(), a.toString());
        assertEquals(0, all.code(), all.toString());
        assertEquals(PredictCommand.DEFAULT_TOP, all.out().strip().split(", ").length, all.out());
    }

    @Test
    void predictNamesClassesByIndexWithoutTheDataSet() throws IOException {
        Path a = png(2);
        Path away = tmp.resolve("data-moved");
        Files.move(data, away);
        try {
            TrainCommandsTest.Run r = TrainCommandsTest.run("predict", "--backend", "cpu", "-f", checkpoint.toString(),
                    "--top", "2", a.toString());
            assertEquals(0, r.code(), r.toString());
            assertTrue(r.out().strip().matches(java.util.regex.Pattern.quote(a.toString()) + ": \\d 0\\.\\d{4}, \\d 0\\.\\d{4}"),
                    r.out());
        } finally {
            Files.move(away, data);
        }
    }

    @Test
    void predictRefusesFilesThatAreNoFittingImageBeforeAnythingStarts() throws IOException {
        Path text = Files.writeString(tmp.resolve("notes.png"), "not an image");
        assertUsageError("jconvnet: " + text + ": not an image this Java can read (PNG, JPEG, BMP or GIF)",
                "predict", "--backend", "cpu", "-f", checkpoint.toString(), text.toString());
        Path big = tmp.resolve("big.png");
        ImageIO.write(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB), "png", big.toFile());
        assertUsageError("jconvnet: " + big + " is 64x48 pixels; the net takes 32x32 CIFAR-10 images (scale it to 32x32 first)",
                "predict", "--backend", "cpu", "-f", checkpoint.toString(), big.toString());
        TrainCommandsTest.Run none = TrainCommandsTest.run("predict", "-f", checkpoint.toString());
        assertEquals(2, none.code(), none.toString());
        assertTrue(none.err().contains("Missing required parameter") && none.err().contains("IMAGE"), none.err());
    }

    private static void assertUsageError(String line, String... args) {
        java.io.StringWriter err = new java.io.StringWriter();
        org.jconvnet.cli.Cli cli = new org.jconvnet.cli.Cli(new java.io.PrintWriter(java.io.Writer.nullWriter()), new java.io.PrintWriter(err, true));
        int code = cli.execute(args);
        assertEquals(2, code, err.toString());
        assertEquals(List.of(line), err.toString().lines().filter(l -> !l.isBlank()).toList());
        assertFalse(cli.injector().getInstance(org.jconvnet.cli.BackendSession.class).everStarted(), "a backend started");
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
