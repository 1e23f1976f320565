package org.jconvnet.train.show;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * shownet's {@code --show-preds}: test images (2 rows of 4) each with a bar chart of its top-4
 * class probabilities; the true class's bar is red and its name is the image's title.
 */
public final class PredictionPanel {
    private static final int SCALE = 4;
    private static final int CELL_W = 300;
    private static final int CELL_H = 190;

    private PredictionPanel() {
    }

    /**
     * One shown case.
     *
     * @param rgb   the image, {@code 3*size*size} values in [0,1], channel-major (R, G, B planes)
     * @param size  image side
     * @param probs class probabilities
     * @param label true class
     */
    public record Case(double[] rgb, int size, double[] probs, int label) {
    }

    /** Draws up to 8 cases. */
    public static Path render(List<Case> cases, List<String> classNames, Path png) {
        int n = Math.min(8, cases.size());
        int cols = Math.min(4, Math.max(1, n));
        int rows = (n + 3) / 4;
        BufferedImage img = Png.canvas(cols * CELL_W, Math.max(1, rows) * CELL_H);
        Graphics2D g = Png.graphics(img);
        for (int i = 0; i < n; i++) {
            Case c = cases.get(i);
            int ox = (i % 4) * CELL_W + 10;
            int oy = (i / 4) * CELL_H + 10;
            g.setColor(Color.BLACK);
            g.drawString(name(classNames, c.label()), ox, oy + 10);
            int plane = c.size() * c.size();
            for (int y = 0; y < c.size(); y++) {
                for (int x = 0; x < c.size(); x++) {
                    int p = y * c.size() + x;
                    int rgb = Png.channel(c.rgb()[p]) << 16 | Png.channel(c.rgb()[plane + p]) << 8
                            | Png.channel(c.rgb()[2 * plane + p]);
                    g.setColor(new Color(rgb));
                    g.fillRect(ox + x * SCALE, oy + 18 + y * SCALE, SCALE, SCALE);
                }
            }
            List<Integer> order = new ArrayList<>();
            for (int k = 0; k < c.probs().length; k++) {
                order.add(k);
            }
            order.sort(Comparator.comparingDouble((Integer k) -> -c.probs()[k]));
            int bx = ox + c.size() * SCALE + 10;
            int barMax = CELL_W - (bx - (i % 4) * CELL_W) - 15;
            for (int r = 0; r < Math.min(4, order.size()); r++) {
                int k = order.get(r);
                int by = oy + 24 + r * 34;
                g.setColor(k == c.label() ? Color.RED : new Color(70, 110, 200));
                g.fillRect(bx, by + 14, (int) Math.round(barMax * Math.max(0, Math.min(1, c.probs()[k]))), 12);
                g.setColor(Color.BLACK);
                g.drawString(String.format(Locale.ROOT, "%s %.2f", name(classNames, k), c.probs()[k]), bx, by + 11);
            }
        }
        g.dispose();
        return Png.write(img, png);
    }

    private static String name(List<String> names, int k) {
        return k >= 0 && k < names.size() ? names.get(k) : "class " + k;
    }
}
