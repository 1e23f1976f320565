package org.jconvnet.train;

import java.util.List;
import java.util.Map;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.api.layer.Layer;
import org.jconvnet.api.layer.PassMode;
import org.jconvnet.layers.net.Net;
import org.jconvnet.layers.net.NetDefinition;
import org.jconvnet.train.data.Minibatches;
import org.jconvnet.train.data.ServedBatch;

/** Forward-only passes over served batches: the test error and multiview testing (cuda-convnet.md §5.2, §5.8). */
public final class Evaluator {
    private Evaluator() {
    }

    /** Tests a batch in minibatches of {@code mini} (PASS_TEST), summing the cost layers' rows. */
    public static CostSums test(Net net, ServedBatch batch, int mini) {
        CostSums sums = new CostSums();
        for (Minibatches mbs = new Minibatches(batch, mini); mbs.hasNext(); ) {
            Minibatches.Minibatch mb = mbs.next();
            sums.add(net.forward(mb.data(), mb.numCases(), PassMode.TEST), mb.numCases());
        }
        return sums;
    }

    /**
     * What {@code jconvnet test} computes: every batch of {@code range} served as the run's test
     * input (the centre crop for cifar-cropped) or, with {@code multiview}, as its 10 views, run
     * forward in minibatches of the run's {@code mini}, the cost layers' values summed.
     *
     * @param run       the resolved run (provider, data, minibatch size, logreg layer)
     * @param net       the net built from it
     * @param range     the batches, checked against the data already
     * @param multiview 10-view testing (cifar-cropped only)
     * @return the sums over every case of the range
     * @throws JConvNetException when multiview is asked of a provider without crops
     */
    public static CostSums testBatches(ResolvedRun run, Net net, org.jconvnet.train.data.BatchRange range, boolean multiview) {
        Trainer.BatchTester tester = BatchTesters.of(run, net, multiview);
        CostSums sums = new CostSums();
        for (int b : range.batches()) {
            sums.add(tester.test(b));
        }
        return sums;
    }

    /**
     * cuda-convnet's test output for {@link #testBatches}, as {@code jconvnet test} prints it: the
     * banner line and {@code test on batches 6: logprob:  2.302585, 0.900000 (200 cases)}.
     *
     * @param range     the batches tested
     * @param multiview whether they were tested on 10 views
     * @param sums      the result
     * @return the two lines
     */
    public static List<String> testOutput(org.jconvnet.train.data.BatchRange range, boolean multiview, CostSums sums) {
        return List.of("======================Test output======================",
                (multiview ? "multiview " : "") + "test on batches " + range + ": " + sums.format() + " (" + sums.cases()
                        + " cases)");
    }

    /** The first {@code cost.logreg} layer, or the named one. */
    public static String logregLayer(NetDefinition def, String requested) {
        if (requested != null) {
            if (!def.layers().stream().anyMatch(l -> l.name().equals(requested))) {
                throw new JConvNetException("--logreg-name=" + requested + ": the net has no such layer");
            }
            return requested;
        }
        return def.layers().stream().filter(l -> l.type().equals("cost.logreg")).map(Layer::name).findFirst()
                .orElseThrow(() -> new JConvNetException("the net has no cost.logreg layer (multiview testing and "
                        + "predictions need one; name it with --logreg-name)"));
    }

    /** The probability layer a {@code cost.logreg} reads (its second input). */
    public static String probsLayer(NetDefinition def, String logreg) {
        List<String> in = def.inputsOf(logreg);
        if (in.size() != 2) {
            throw new JConvNetException("layer '" + logreg + "' is not a cost.logreg with inputs labels,probs");
        }
        return in.get(1);
    }

    /**
     * cuda-convnet's multiview test: each image's views (view-major columns of {@code batch}) are
     * run forward, the softmax outputs are averaged over the views, and the logreg cost and error
     * are computed on the averaged probabilities (error credits ties fractionally, quirk 5).
     */
    public static CostSums multiview(Net net, NetDefinition def, ServedBatch batch, int mini, String logregName) {
        String logreg = logregLayer(def, logregName);
        String probs = probsLayer(def, logreg);
        int images = batch.numImages();
        int classes = def.layer(probs).outputs();
        double[] sums = new double[2];
        for (int start = 0; start < images; start += mini) {
            int n = Math.min(mini, images - start);
            double[] avg = new double[classes * n];
            for (int v = 0; v < batch.numViews(); v++) {
                net.forward(batch.slice(v * images + start, n), n, PassMode.TEST);
                double[] p = net.output(probs);
                for (int i = 0; i < avg.length; i++) {
                    avg[i] += p[i] / batch.numViews();
                }
            }
            for (int j = 0; j < n; j++) {
                int label = batch.label(start + j);
                double[] loss = logregOf(avg, classes, n, j, label);
                sums[0] += loss[0];
                sums[1] += loss[1];
            }
        }
        CostSums out = new CostSums();
        out.add(Map.of(logreg, sums), images);
        return out;
    }

    /** {-log p(label), error} of case j of a (classes x n) probability matrix, ties credited fractionally. */
    static double[] logregOf(double[] probs, int classes, int n, int j, int label) {
        double pl = probs[label * n + j];
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < classes; k++) {
            max = Math.max(max, probs[k * n + j]);
        }
        int ties = 0;
        for (int k = 0; k < classes; k++) {
            if (probs[k * n + j] == max) {
                ties++;
            }
        }
        double correct = pl == max ? 1.0 / ties : 0;
        return new double[] {-Math.log(pl), 1 - correct};
    }
}
