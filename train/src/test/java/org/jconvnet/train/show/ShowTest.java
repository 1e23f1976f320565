package org.jconvnet.train.show;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.train.metrics.Metric;
import org.jconvnet.train.metrics.TestMetric;
import org.jconvnet.train.metrics.TrainMetric;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ShowTest {
    @TempDir
    Path dir;

    private static boolean hasColour(BufferedImage img, int rgb) {
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xffffff) == rgb) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void curvesDrawTrainBlackAndTestRed() throws IOException {
        List<Metric> metrics = new ArrayList<>();
        for (int b = 1; b <= 20; b++) {
            metrics.add(record("train", b, 2.3 - b * 0.05, 0.9 - b * 0.02));
            if (b % 5 == 0) {
                metrics.add(record("test", b, 2.4 - b * 0.05, 0.92 - b * 0.02));
            }
        }
        Path png = CurvePlot.render(metrics, "logprob", 1, 5, "error", dir.resolve("error.png"));
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(800, img.getWidth());
        assertTrue(hasColour(img, 0xff0000), "test curve is red");
        JConvNetException e = assertThrows(JConvNetException.class,
                () -> CurvePlot.render(metrics, "nosuch", 0, 5, "x", dir.resolve("x.png")));
        assertTrue(e.getMessage().contains("nosuch"));
    }

    @Test
    void aScheduledRateDropIsMarkedWhereItsFirstBatchStarts() throws IOException {
        List<Metric> metrics = new ArrayList<>();
        for (int b = 1; b <= 20; b++) {
            Map<String, List<Double>> costs = Map.of("logprob", List.of(2.3 - b * 0.05, 0.9 - b * 0.02));
            double factor = b <= 10 ? 1 : b <= 15 ? 0.1 : 0.01;
            metrics.add(new TrainMetric(1 + (b - 1) / 5, b, b, 10, costs, "t", 1, 10, 1, factor));
            if (b % 5 == 0) {
                metrics.add(new TestMetric(1, b, b, 10, costs, "t", List.of(6), 1, factor));
            }
        }
        List<double[]> changes = CurvePlot.rateChanges(metrics, 5);
        assertEquals(2, changes.size());
        // Batch 11 is the first of epoch 3: the line is at 2 epochs done; batch 16 at 3 epochs.
        assertEquals(List.of(2.0, 0.1), List.of(changes.get(0)[0], changes.get(0)[1]));
        assertEquals(List.of(3.0, 0.01), List.of(changes.get(1)[0], changes.get(1)[1]));
        BufferedImage img = ImageIO.read(CurvePlot.render(metrics, "logprob", 1, 5, "e", dir.resolve("e.png")).toFile());
        assertTrue(hasColour(img, 0x285ac8), "the drops are drawn in blue");

        // No schedule (factor 1 throughout) and records without a factor (older runs): no line.
        List<Metric> plain = new ArrayList<>();
        for (int b = 1; b <= 10; b++) {
            plain.add(record("train", b, 2.3 - b * 0.05, 0.9 - b * 0.02));
        }
        assertTrue(CurvePlot.rateChanges(plain, 5).isEmpty());
        img = ImageIO.read(CurvePlot.render(plain, "logprob", 1, 5, "e", dir.resolve("p.png")).toFile());
        assertTrue(!hasColour(img, 0x285ac8), "no drop, no blue");
    }

    private static Metric record(String type, int batches, double cost, double err) {
        Map<String, List<Double>> costs = Map.of("logprob", List.of(cost, err));
        return type.equals("test") ? new TestMetric(1, batches, batches, 10, costs, "t", List.of(6), 1)
                : new TrainMetric(1, batches, batches, 10, costs, "t", 1, 10, 1);
    }

    @Test
    void filtersAreRgbTilesWithGlobalRescale() throws IOException {
        int filters = 20;
        int fs = 5;
        double[] w = new double[3 * fs * fs * filters];
        // Filter 0: red channel at the global max, others at the global min -> pure red tile.
        for (int p = 0; p < fs * fs; p++) {
            w[(0 * 25 + p) * filters] = 1.0;
            w[(1 * 25 + p) * filters] = -1.0;
            w[(2 * 25 + p) * filters] = -1.0;
        }
        Path png = FilterGrid.render(w, 3, filters, 2, dir.resolve("filters.png"));
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(16 * (10 + 2) + 2, img.getWidth());
        assertEquals(2 * (10 + 2) + 2, img.getHeight());
        assertEquals(0xff0000, img.getRGB(2, 2) & 0xffffff);
        // Filter 1 is all zeros: mid grey (0 - -1) / 2 = 0.5 -> 128.
        assertEquals(0x808080, img.getRGB(2 + 12, 2) & 0xffffff);
    }

    @Test
    void predictionsMarkTheTrueClassRed() throws IOException {
        double[] rgb = new double[3 * 32 * 32];
        java.util.Arrays.fill(rgb, 0.5);
        double[] probs = {0.1, 0.6, 0.05, 0.05, 0.05, 0.05, 0.025, 0.025, 0.025, 0.025};
        Path png = PredictionPanel.render(List.of(new PredictionPanel.Case(rgb, 32, probs, 0)),
                List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j"), dir.resolve("preds.png"));
        BufferedImage img = ImageIO.read(png.toFile());
        assertTrue(hasColour(img, 0xff0000));
        assertTrue(hasColour(img, 0x808080), "the image itself is drawn");
    }
}
