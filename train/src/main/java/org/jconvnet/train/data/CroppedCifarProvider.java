package org.jconvnet.train.data;

import java.util.SplittableRandom;

/**
 * {@code --data-provider=cifar-cropped} (cuda-convnet.md §6.3), border b ({@code --crop-border},
 * default 4) and inner size {@code 32 - 2b}:
 * <ul>
 *   <li>training: per image, a crop at (y, x) drawn uniformly from {0..2b}^2, flipped
 *       horizontally with probability 1/2, drawn anew each time the batch is served;</li>
 *   <li>test: the centre crop (b, b);</li>
 *   <li>multiview: 10 views, view-major: crops at (0,0), (0,2b), (b,b), (2b,0), (2b,2b), then
 *       the same five flipped.</li>
 * </ul>
 * Whatever the crop and flip, the <em>centre crop</em> of the data mean is subtracted (cuda-convnet.md
 * §10.9), in the crop's own (possibly flipped) coordinates, exactly as cuda-convnet does.
 */
public final class CroppedCifarProvider implements DataProvider {
    private final int border;
    private final int inner;
    private final double[] centreMean;

    /**
     * @param mean   the per-pixel mean of 32x32 images (3072 values)
     * @param border crop border b, 0 <= b < 16
     */
    public CroppedCifarProvider(double[] mean, int border) {
        if (mean.length != CifarBatch.PIXELS) {
            throw new IllegalArgumentException("data mean has " + mean.length + " values, expected 3072");
        }
        if (border < 0 || 2 * border >= CifarBatch.SIZE) {
            throw new IllegalArgumentException("--crop-border must be in 0..15, got " + border);
        }
        this.border = border;
        this.inner = CifarBatch.SIZE - 2 * border;
        this.centreMean = new double[3 * inner * inner];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < inner; y++) {
                for (int x = 0; x < inner; x++) {
                    centreMean[(c * inner + y) * inner + x] =
                            mean[(c * CifarBatch.SIZE + border + y) * CifarBatch.SIZE + border + x];
                }
            }
        }
    }

    @Override
    public String name() {
        return "cifar-cropped";
    }

    @Override
    public int imageSize() {
        return inner;
    }

    /** The crop border b. */
    public int border() {
        return border;
    }

    @Override
    public double[] servedMean() {
        return centreMean.clone();
    }

    /** The (startY, startX, flip) of multiview view {@code v} (0..9). */
    public int[] multiviewCrop(int v) {
        int b2 = 2 * border;
        int[][] starts = {{0, 0}, {0, b2}, {border, border}, {b2, 0}, {b2, b2}};
        int[] s = starts[v % 5];
        return new int[] {s[0], s[1], v >= 5 ? 1 : 0};
    }

    @Override
    public ServedBatch serve(CifarBatch batch, ServeMode mode, long seed) {
        int n = batch.numCases();
        int views = mode == ServeMode.MULTIVIEW ? 10 : 1;
        // crops[(view*n + image)*3 + {0,1,2}] = startY, startX, flip
        int[] crops = new int[views * n * 3];
        if (mode == ServeMode.TRAIN) {
            SplittableRandom rnd = new SplittableRandom(seed);
            for (int i = 0; i < n; i++) {
                crops[3 * i] = rnd.nextInt(2 * border + 1);
                crops[3 * i + 1] = rnd.nextInt(2 * border + 1);
                crops[3 * i + 2] = rnd.nextInt(2);
            }
        } else {
            for (int v = 0; v < views; v++) {
                int[] c = mode == ServeMode.MULTIVIEW ? multiviewCrop(v) : new int[] {border, border, 0};
                for (int i = 0; i < n; i++) {
                    System.arraycopy(c, 0, crops, 3 * (v * n + i), 3);
                }
            }
        }
        return new ServedBatch(batch, views, 3 * inner * inner) {
            @Override
            protected void fillColumn(int view, int image, double[] out, int j, int cols) {
                int k = 3 * (view * n + image);
                fillCrop(batch, image, crops[k], crops[k + 1], crops[k + 2] == 1, out, j, cols);
            }
        };
    }

    /** Writes one crop of image {@code image} into {@code out[d*cols + j]}, mean-subtracted. */
    void fillCrop(CifarBatch batch, int image, int sy, int sx, boolean flip, double[] out, int j, int cols) {
        byte[] px = batch.pixels();
        int base = image * CifarBatch.PIXELS;
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < inner; y++) {
                int src = base + (c * CifarBatch.SIZE + sy + y) * CifarBatch.SIZE + sx;
                int dst = (c * inner + y) * inner;
                for (int x = 0; x < inner; x++) {
                    int from = flip ? inner - 1 - x : x;
                    out[(dst + x) * cols + j] = (float) ((px[src + from] & 0xff) - centreMean[dst + x]);
                }
            }
        }
    }
}
