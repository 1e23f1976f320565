package org.jconvnet.train.show;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import org.jconvnet.api.JConvNetException;

/**
 * shownet's {@code --show-filters}: up to 256 filters of a conv weight matrix, 16 per row. The
 * matrix is conv-shaped {@code (channels*size^2, filters)} in C order (cuda-convnet.md §2.4): filter f,
 * channel c, pixel p at {@code (c*size^2 + p)*filters + f}. Values are rescaled to [0,1] with one
 * global min and max (subtract the min, divide by the new max), so relative contrast between
 * filters is kept. Three-channel filters are drawn in RGB; others as greyscale tiles side by side.
 */
public final class FilterGrid {
    private static final int PER_ROW = 16;
    private static final int MAX_FILTERS = 256;

    private FilterGrid() {
    }

    /**
     * @param weights  flat C-ordered weights
     * @param channels filter channels (3 for conv1)
     * @param filters  number of filters (columns)
     * @param scale    pixels per filter pixel
     */
    public static Path render(double[] weights, int channels, int filters, int scale, Path png) {
        if (channels <= 0 || filters <= 0 || weights.length % (channels * filters) != 0) {
            throw new JConvNetException("cannot show filters: " + weights.length + " weights are not channels("
                    + channels + ") x size^2 x filters(" + filters + ")");
        }
        int pixels = weights.length / (channels * filters);
        int size = (int) Math.round(Math.sqrt(pixels));
        if (size * size != pixels) {
            throw new JConvNetException("cannot show filters: " + pixels + " pixels per channel is not a square filter");
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : weights) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double range = max - min > 0 ? max - min : 1;
        boolean rgb = channels == 3;
        int shown = Math.min(filters, MAX_FILTERS);
        int tileW = (rgb ? size : size * channels + (channels - 1)) * scale;
        int tileH = size * scale;
        int gap = Math.max(1, scale);
        int cols = Math.min(PER_ROW, shown);
        int rows = (shown + PER_ROW - 1) / PER_ROW;
        BufferedImage img = Png.canvas(cols * (tileW + gap) + gap, rows * (tileH + gap) + gap);
        for (int f = 0; f < shown; f++) {
            int ox = gap + (f % PER_ROW) * (tileW + gap);
            int oy = gap + (f / PER_ROW) * (tileH + gap);
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    int p = y * size + x;
                    if (rgb) {
                        int r = Png.channel((weights[(0 * pixels + p) * filters + f] - min) / range);
                        int gr = Png.channel((weights[(1 * pixels + p) * filters + f] - min) / range);
                        int b = Png.channel((weights[(2 * pixels + p) * filters + f] - min) / range);
                        fill(img, ox + x * scale, oy + y * scale, scale, r << 16 | gr << 8 | b);
                    } else {
                        for (int c = 0; c < channels; c++) {
                            int v = Png.channel((weights[(c * pixels + p) * filters + f] - min) / range);
                            fill(img, ox + (c * (size + 1) + x) * scale, oy + y * scale, scale, v << 16 | v << 8 | v);
                        }
                    }
                }
            }
        }
        return Png.write(img, png);
    }

    private static void fill(BufferedImage img, int x, int y, int s, int rgb) {
        for (int dy = 0; dy < s; dy++) {
            for (int dx = 0; dx < s; dx++) {
                img.setRGB(x + dx, y + dy, rgb);
            }
        }
    }
}
