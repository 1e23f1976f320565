package org.jconvnet.train.show;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.train.metrics.Metric;
import org.jconvnet.train.metrics.TestMetric;
import org.jconvnet.train.solver.LrSchedule;

/**
 * shownet's {@code --show-cost}: the training value per training batch (black) and the test value
 * (red, each held until the next test), x axis in epochs. Reads the metrics records the trainer
 * writes ({@code type} train/test, {@code batchesDone}, {@code costs} by cost layer). Where the
 * {@code --lr-schedule} factor of the training records changes, a dashed blue line marks the drop,
 * labelled with the new factor ({@code lr x0.1}).
 */
public final class CurvePlot {
    private static final int W = 800;
    private static final int H = 480;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;

    private CurvePlot() {
    }

    /**
     * Draws one curve pair.
     *
     * @param metrics          the metrics records
     * @param costLayer        e.g. {@code logprob}
     * @param index            which value of that cost layer (0 = cost, 1 = error rate)
     * @param batchesPerEpoch  training batches per epoch (x axis scale)
     * @param title            the picture title
     */
    public static Path render(List<Metric> metrics, String costLayer, int index, int batchesPerEpoch,
                              String title, Path png) {
        List<double[]> train = new ArrayList<>();
        List<double[]> test = new ArrayList<>();
        for (Metric r : metrics) {
            List<Double> v = r.costs() == null ? null : r.costs().get(costLayer);
            if (v == null || v.size() <= index) {
                continue;
            }
            double x = r.batchesDone() / (double) Math.max(1, batchesPerEpoch);
            double y = v.get(index);
            (r instanceof TestMetric ? test : train).add(new double[] {x, y});
        }
        if (train.isEmpty() && test.isEmpty()) {
            throw new JConvNetException("no metrics for cost layer '" + costLayer + "' value " + index
                    + " (has the model trained at least one batch?)");
        }
        double xMax = 0;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (List<double[]> l : List.of(train, test)) {
            for (double[] p : l) {
                xMax = Math.max(xMax, p[0]);
                if (Double.isFinite(p[1])) {
                    yMin = Math.min(yMin, p[1]);
                    yMax = Math.max(yMax, p[1]);
                }
            }
        }
        if (!(yMax > yMin)) {
            yMax = yMin + 1;
        }
        double pad = (yMax - yMin) * 0.05;
        yMin = Math.max(yMin > 0 ? 0 : Double.NEGATIVE_INFINITY, yMin - pad);
        yMax += pad;
        xMax = Math.max(xMax, 1e-9);
        BufferedImage img = Png.canvas(W, H);
        Graphics2D g = Png.graphics(img);
        g.drawString(title, LEFT, 22);
        int pw = W - LEFT - RIGHT;
        int ph = H - TOP - BOTTOM;
        g.setColor(Color.GRAY);
        g.drawRect(LEFT, TOP, pw, ph);
        for (int i = 0; i <= 5; i++) {
            double yv = yMin + (yMax - yMin) * i / 5;
            int yp = TOP + ph - (int) Math.round(ph * i / 5.0);
            g.setColor(new Color(230, 230, 230));
            g.drawLine(LEFT + 1, yp, LEFT + pw - 1, yp);
            g.setColor(Color.BLACK);
            g.drawString(String.format(Locale.ROOT, "%.3f", yv), 8, yp + 4);
            double xv = xMax * i / 5;
            int xp = LEFT + (int) Math.round(pw * i / 5.0);
            g.drawString(String.format(Locale.ROOT, "%.2f", xv), xp - 12, TOP + ph + 18);
        }
        g.drawString("epoch", LEFT + pw / 2 - 15, H - 10);
        markRateChanges(g, metrics, batchesPerEpoch, xMax, pw, ph);
        plot(g, train, Color.BLACK, false, xMax, yMin, yMax, pw, ph);
        plot(g, test, Color.RED, true, xMax, yMin, yMax, pw, ph);
        g.setColor(Color.BLACK);
        g.drawString("train", LEFT + pw - 110, TOP + 16);
        g.setColor(Color.RED);
        g.drawString("test", LEFT + pw - 50, TOP + 16);
        g.dispose();
        return Png.write(img, png);
    }

    /** Where the schedule's factor changed: x (in epochs) of the first batch with the new factor, and the factor. */
    static List<double[]> rateChanges(List<Metric> metrics, int batchesPerEpoch) {
        List<double[]> changes = new ArrayList<>();
        Double last = null;
        for (Metric r : metrics) {
            if (r instanceof TestMetric || r.lrFactor() == null) {
                continue;
            }
            if (last != null && !last.equals(r.lrFactor())) {
                // The line sits where the batch with the new factor starts.
                changes.add(new double[] {(r.batchesDone() - 1) / (double) Math.max(1, batchesPerEpoch), r.lrFactor()});
            }
            last = r.lrFactor();
        }
        return changes;
    }

    private static void markRateChanges(Graphics2D g, List<Metric> metrics, int batchesPerEpoch, double xMax, int pw,
                                        int ph) {
        java.awt.Stroke before = g.getStroke();
        g.setColor(new Color(40, 90, 200));
        g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        for (double[] c : rateChanges(metrics, batchesPerEpoch)) {
            int x = LEFT + (int) Math.round(pw * c[0] / xMax);
            g.drawLine(x, TOP + 1, x, TOP + ph - 1);
            String label = "lr x" + LrSchedule.formatFactor(c[1]);
            int width = g.getFontMetrics().stringWidth(label);
            // Right of the line, or left of it where the label would leave the frame.
            g.drawString(label, x + 3 + width > LEFT + pw ? x - 3 - width : x + 3, TOP + ph - 6);
        }
        g.setStroke(before);
    }

    private static void plot(Graphics2D g, List<double[]> pts, Color c, boolean steps, double xMax, double yMin,
                             double yMax, int pw, int ph) {
        if (pts.isEmpty()) {
            return;
        }
        g.setColor(c);
        g.setStroke(new BasicStroke(steps ? 2f : 1.2f));
        Path2D.Double path = new Path2D.Double();
        for (int i = 0; i < pts.size(); i++) {
            double x = LEFT + pw * pts.get(i)[0] / xMax;
            double y = TOP + ph - ph * (pts.get(i)[1] - yMin) / (yMax - yMin);
            if (i == 0) {
                path.moveTo(x, y);
            } else {
                if (steps) {
                    // The test value holds from its test until the next one, as shownet draws it.
                    double prevY = TOP + ph - ph * (pts.get(i - 1)[1] - yMin) / (yMax - yMin);
                    path.lineTo(x, prevY);
                }
                path.lineTo(x, y);
            }
        }
        g.draw(path);
        if (pts.size() == 1) {
            double x = LEFT + pw * pts.get(0)[0] / xMax;
            double y = TOP + ph - ph * (pts.get(0)[1] - yMin) / (yMax - yMin);
            g.fillOval((int) x - 3, (int) y - 3, 6, 6);
        }
    }
}
