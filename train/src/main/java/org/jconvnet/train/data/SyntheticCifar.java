package org.jconvnet.train.data;

import java.util.List;
import java.util.SortedSet;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * The embedded default data set: CIFAR-shaped batches (32x32 RGB, 10 classes, the same record
 * layout) generated deterministically in code, so {@code jconvnet train} works with no download.
 * Batches 1..{@code trainBatches} are training data and batch 6 the test set, as with CIFAR-10.
 *
 * <p>Each class is a shape drawn in a class colour on a noisy background: filled disc, square,
 * triangle, cross, ring, horizontal stripes, vertical stripes, diagonal stripes, checkerboard and
 * a grid of dots. Position, size, colour and background are jittered per image and Gaussian pixel
 * noise is added, so the classes overlap a little in colour and the net must use shape too. The
 * same (batch, index) always gives the same image, on every machine.
 */
public final class SyntheticCifar implements BatchSource {
    /** Class names, label 0 first. */
    public static final List<String> NAMES = List.of("disc", "square", "triangle", "cross", "ring",
            "hstripes", "vstripes", "diagonal", "checker", "dots");
    private static final long SEED = 0x5EED_C1FA_2010L;
    /** Class hues (degrees); neighbours are 36 degrees apart, jittered by up to +-25. */
    private static final double HUE_STEP = 36;

    private final int trainBatches;
    private final int imagesPerBatch;
    private final int testImages;

    /**
     * @param trainBatches   number of training batches (numbered 1..trainBatches, at most 5)
     * @param imagesPerBatch images per training batch
     * @param testImages     images in the test batch (number 6)
     */
    public SyntheticCifar(int trainBatches, int imagesPerBatch, int testImages) {
        if (trainBatches < 1 || trainBatches > 5 || imagesPerBatch < 1 || testImages < 1) {
            throw new IllegalArgumentException("synthetic data set needs 1..5 training batches and positive sizes");
        }
        this.trainBatches = trainBatches;
        this.imagesPerBatch = imagesPerBatch;
        this.testImages = testImages;
    }

    @Override
    public CifarBatch batch(int number) {
        int n;
        if (number == CifarDirectory.TEST_BATCH) {
            n = testImages;
        } else if (number >= 1 && number <= trainBatches) {
            n = imagesPerBatch;
        } else {
            throw new org.jconvnet.api.JConvNetException("batch " + number + " does not exist in the embedded synthetic"
                    + " data set (it has training batches 1-" + trainBatches + " and test batch 6)");
        }
        byte[] pixels = new byte[n * CifarBatch.PIXELS];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            SplittableRandom rnd = new SplittableRandom(SEED * 31 + number * 1_000_003L + i);
            // Labels cycle through the classes with a per-batch shift so minibatches are balanced
            // and no class sits at a fixed position.
            int label = (i + 3 * number) % NAMES.size();
            labels[i] = (byte) label;
            draw(label, rnd, pixels, i * CifarBatch.PIXELS);
        }
        return new CifarBatch(number, "synthetic batch " + number, pixels, labels);
    }

    private static void draw(int label, SplittableRandom rnd, byte[] out, int base) {
        int s = CifarBatch.SIZE;
        double[] fg = hsv(label * HUE_STEP + (rnd.nextDouble() * 50 - 25), 0.55 + 0.4 * rnd.nextDouble(),
                0.6 + 0.4 * rnd.nextDouble());
        double bgLevel = 0.15 + 0.5 * rnd.nextDouble();
        double[] bg = hsv(rnd.nextDouble() * 360, 0.25 * rnd.nextDouble(), bgLevel);
        double cx = 16 + (rnd.nextDouble() * 8 - 4);
        double cy = 16 + (rnd.nextDouble() * 8 - 4);
        double r = 7 + rnd.nextDouble() * 4;
        double period = 5 + rnd.nextDouble() * 3;
        double phase = rnd.nextDouble() * period;
        for (int y = 0; y < s; y++) {
            for (int x = 0; x < s; x++) {
                boolean on = inside(label, x + 0.5 - cx, y + 0.5 - cy, r, period, phase);
                for (int c = 0; c < 3; c++) {
                    double v = (on ? fg[c] : bg[c]) * 255 + rnd.nextGaussian() * 12;
                    out[base + (c * s + y) * s + x] = (byte) Math.max(0, Math.min(255, Math.round(v)));
                }
            }
        }
    }

    private static boolean inside(int label, double dx, double dy, double r, double period, double phase) {
        double ax = Math.abs(dx);
        double ay = Math.abs(dy);
        double d = Math.sqrt(dx * dx + dy * dy);
        boolean inBox = ax <= r && ay <= r;
        switch (label) {
            case 0: return d <= r;
            case 1: return ax <= r * 0.85 && ay <= r * 0.85;
            case 2: return dy <= r * 0.8 && dy >= -r && ax <= (dy + r) * 0.6;
            case 3: return inBox && (ax <= r * 0.3 || ay <= r * 0.3);
            case 4: return d <= r && d >= r * 0.55;
            case 5: return inBox && mod(dy + phase, period) < period / 2;
            case 6: return inBox && mod(dx + phase, period) < period / 2;
            case 7: return inBox && mod(dx + dy + phase, period) < period / 2;
            case 8: return inBox && (mod(dx + phase, period) < period / 2) ^ (mod(dy + phase, period) < period / 2);
            default: {
                double px = mod(dx + phase, period) - period / 2;
                double py = mod(dy + phase, period) - period / 2;
                return inBox && px * px + py * py <= period * period / 9;
            }
        }
    }

    private static double mod(double a, double m) {
        double r = a % m;
        return r < 0 ? r + m : r;
    }

    /** HSV (hue in degrees, s and v in [0,1]) to RGB in [0,1]. */
    private static double[] hsv(double h, double s, double v) {
        double hh = mod(h, 360) / 60;
        int i = (int) Math.floor(hh);
        double f = hh - i;
        double p = v * (1 - s);
        double q = v * (1 - s * f);
        double t = v * (1 - s * (1 - f));
        switch (i) {
            case 0: return new double[] {v, t, p};
            case 1: return new double[] {q, v, p};
            case 2: return new double[] {p, v, t};
            case 3: return new double[] {p, q, v};
            case 4: return new double[] {t, p, v};
            default: return new double[] {v, p, q};
        }
    }

    @Override
    public SortedSet<Integer> available() {
        SortedSet<Integer> out = new TreeSet<>();
        for (int i = 1; i <= trainBatches; i++) {
            out.add(i);
        }
        out.add(CifarDirectory.TEST_BATCH);
        return out;
    }

    @Override
    public List<String> labelNames() {
        return NAMES;
    }

    @Override
    public String describe() {
        return "embedded synthetic data set (" + trainBatches + " training batches of " + imagesPerBatch
                + " images, test batch 6 of " + testImages + "; 10 classes of coloured shapes)";
    }
}
