package org.jconvnet.train.show;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.api.layer.Layer;
import org.jconvnet.api.layer.PassMode;
import org.jconvnet.api.tensor.ImageShape;
import org.jconvnet.layers.net.Net;
import org.jconvnet.layers.net.NetDefinition;
import org.jconvnet.train.Evaluator;
import org.jconvnet.train.InvalidOptionException;
import org.jconvnet.train.ResolvedRun;
import org.jconvnet.train.TrainDefaults;
import org.jconvnet.train.TrainOptions;
import org.jconvnet.train.TrainingJob;
import org.jconvnet.train.checkpoint.Checkpoint;
import org.jconvnet.train.checkpoint.SavedParam;
import org.jconvnet.train.data.BatchRange;
import org.jconvnet.train.data.BatchSource;
import org.jconvnet.train.data.DataProvider;
import org.jconvnet.train.data.ServeMode;
import org.jconvnet.train.data.ServedBatch;

/**
 * {@code jconvnet show}: writes {@code cost.png} and {@code error.png} (train vs test curves),
 * {@code filters-<layer>.png} and {@code predictions.png} for a checkpoint.
 */
public final class ShowJob {
    private ShowJob() {
    }

    /** What to draw. */
    public record Request(Path outDir, String costLayer, String filtersLayer, boolean predictions, boolean onlyErrors,
                          long seed) {
    }

    /**
     * Draws everything requested; returns the files written. Every layer the request names is
     * checked before the net is built and before the first file is written.
     */
    public static List<Path> run(TrainingJob job, TrainOptions options, Request req) {
        return job.withModel(options, run -> check(run, req), (run, net) -> {
            List<Path> files = new ArrayList<>();
            Checkpoint cp = run.checkpoint().orElseThrow();
            NetDefinition def = run.def();
            String cost = req.costLayer() != null ? req.costLayer() : Evaluator.logregLayer(def, null);
            String trainRange = TrainOptions.none().over(cp.options()).trainRange();
            int perEpoch = Math.max(1, BatchRange.parse("--train-range",
                    trainRange != null ? trainRange : TrainDefaults.TRAIN_RANGE).size());
            files.add(CurvePlot.render(cp.metrics(), cost, 0, perEpoch, cost + " cost (train black, test red) at "
                    + cp.name(), req.outDir().resolve("cost.png")));
            files.add(CurvePlot.render(cp.metrics(), cost, 1, perEpoch, cost + " error rate (train black, test red) at "
                    + cp.name(), req.outDir().resolve("error.png")));
            String fl = req.filtersLayer() != null ? req.filtersLayer() : firstConv(def);
            if (fl != null) {
                files.add(filters(def, cp, fl, req.outDir()));
            }
            if (req.predictions()) {
                files.add(predictions(def, net, run.provider(), run.source(), run.testRange(), run.source().labelNames(), req));
            }
            return files;
        });
    }

    /** Refuses a request that names a missing layer, or one of the wrong type, so that nothing is half written. */
    private static void check(ResolvedRun run, Request req) {
        if (run.checkpoint().isEmpty()) {
            throw new InvalidOptionException("show needs a checkpoint: give -f CHECKPOINT_DIR");
        }
        NetDefinition def = run.def();
        if (req.costLayer() != null) {
            run.requireLayer("--show-cost", req.costLayer(), "cost.");
        } else if (def.layers().stream().noneMatch(l -> l.type().equals("cost.logreg"))) {
            throw new InvalidOptionException("the net has no cost.logreg layer; name the cost to plot with --show-cost");
        }
        if (req.filtersLayer() != null) {
            run.requireLayer("--show-filters", req.filtersLayer(), "conv");
        }
        if (req.predictions()) {
            if (req.costLayer() != null) {
                run.requireLayer("--show-cost", req.costLayer(), "cost.logreg");
            }
            String logreg = Evaluator.logregLayer(def, req.costLayer());
            if (def.inputsOf(logreg).size() != 2) {
                throw new InvalidOptionException("predictions need a cost.logreg layer with inputs labels,probs; "
                        + logreg + " has " + def.inputsOf(logreg) + " (or give --no-preds)");
            }
        }
    }

    private static String firstConv(NetDefinition def) {
        return def.layers().stream().filter(l -> l.type().equals("conv")).map(Layer::name).findFirst().orElse(null);
    }

    private static Path filters(NetDefinition def, Checkpoint cp, String layer, Path out) {
        Layer l = def.layer(layer);
        if (!l.type().equals("conv")) {
            throw new JConvNetException("--show-filters=" + layer + ": only conv layers are drawn here (it is " + l.type() + ")");
        }
        SavedParam w = cp.param(layer, "weights").or(() -> cp.param(layer, "weights.0"))
                .orElseThrow(() -> new JConvNetException("checkpoint has no weights for layer '" + layer + "'"));
        String input = def.inputsOf(layer).get(0);
        int channels = def.layer(input).outputImage().map(ImageShape::channels).orElse(3);
        return FilterGrid.render(w.values(), channels, w.cols(), 4, out.resolve("filters-" + layer + ".png"));
    }

    private static Path predictions(NetDefinition def, Net net, DataProvider provider, BatchSource source,
                                    BatchRange testRange, List<String> names, Request req) {
        String probs = Evaluator.probsLayer(def, Evaluator.logregLayer(def, req.costLayer()));
        ServedBatch batch = provider.serve(source.batch(testRange.get(0)), ServeMode.TEST, 0);
        int n = batch.numCases();
        int size = provider.imageSize();
        int rows = 3 * size * size;
        int classes = def.layer(probs).outputs();
        int mini = 128;
        double[] p = new double[classes * n];
        for (int start = 0; start < n; start += mini) {
            int m = Math.min(mini, n - start);
            net.forward(batch.slice(start, m), m, PassMode.TEST);
            double[] q = net.output(probs);
            for (int k = 0; k < classes; k++) {
                System.arraycopy(q, k * m, p, k * n + start, m);
            }
        }
        List<Integer> pick = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!req.onlyErrors() || argmax(p, classes, n, i) != batch.label(i)) {
                pick.add(i);
            }
        }
        java.util.Collections.shuffle(pick, new Random(req.seed()));
        double[] mean = provider.servedMean();
        List<PredictionPanel.Case> cases = new ArrayList<>();
        for (int i : pick.subList(0, Math.min(8, pick.size()))) {
            double[] img = batch.slice(i, 1).get(0);
            double[] rgb = new double[rows];
            for (int d = 0; d < rows; d++) {
                rgb[d] = (img[d] + mean[d]) / 255.0; // shownet: add the mean back, divide by 255
            }
            double[] pr = new double[classes];
            for (int k = 0; k < classes; k++) {
                pr[k] = p[k * n + i];
            }
            cases.add(new PredictionPanel.Case(rgb, size, pr, batch.label(i)));
        }
        return PredictionPanel.render(cases, names, req.outDir().resolve("predictions.png"));
    }

    private static int argmax(double[] p, int classes, int n, int j) {
        int best = 0;
        for (int k = 1; k < classes; k++) {
            if (p[k * n + j] > p[best * n + j]) {
                best = k;
            }
        }
        return best;
    }
}
