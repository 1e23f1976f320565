package org.jconvnet.train;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.backend.BackendConfig;
import org.jconvnet.api.backend.BackendRegistry;
import org.jconvnet.api.backend.BackendSelector;
import org.jconvnet.api.layer.LayerPluginRegistry;
import org.jconvnet.layers.net.Net;
import org.jconvnet.layers.net.NetCatalog;
import org.jconvnet.train.checkpoint.Checkpoint;
import org.jconvnet.train.checkpoint.CheckpointLayout;
import org.jconvnet.train.checkpoint.CheckpointWriter;
import org.jconvnet.train.checkpoint.NetParams;
import org.jconvnet.train.data.CroppedCifarProvider;
import org.jconvnet.train.data.ServeMode;
import org.jconvnet.train.data.ServedBatch;
import org.jconvnet.train.interop.FeatureWriter;
import org.jconvnet.train.interop.WeightsIo;
import org.jconvnet.train.metrics.Metric;
import org.jconvnet.train.metrics.TestMetric;
import org.jconvnet.train.solver.SgdSolver;
import org.jconvnet.train.solver.Solver;

/**
 * The facade the command line calls: {@code train} (fresh, {@code -f} resume, {@code --test-only}),
 * {@code test}, {@code features}, {@code export-weights}. It resolves the options into a
 * {@link ResolvedRun} (defaults, the checkpoint's saved options on resume), builds the net on a
 * backend, and runs.
 *
 * <p>With no {@code --data-path} it trains on the embedded synthetic data set ({@link EmbeddedDemo}).
 */
public final class TrainingJob {
    private final Function<String, Backend> backends;
    private final LayerPluginRegistry layers;
    private final PrintStream out;
    private final PrintStream err;

    /**
     * @param backends opens a backend by id (null id: automatic choice); the job never closes it
     * @param layers   the layer plugins nets are built from
     * @param out      results
     * @param err      progress and notes
     */
    public TrainingJob(Function<String, Backend> backends, LayerPluginRegistry layers, PrintStream out, PrintStream err) {
        this.backends = backends;
        this.layers = layers;
        this.out = out;
        this.err = err;
    }

    /**
     * A job that discovers backends and layer plugins through {@link java.util.ServiceLoader} on
     * the class loader of jconvnet itself (no plugin folders: the CLI passes its own registries).
     */
    public static TrainingJob withDiscoveredBackends(PrintStream out, PrintStream err) {
        ClassLoader loader = TrainingJob.class.getClassLoader();
        BackendConfig config = BackendConfig.defaults().withPluginLoader(loader);
        return new TrainingJob(id -> {
            BackendSelector s = new BackendSelector(BackendRegistry.discover(loader));
            BackendSelector.Choice c = s.choose(id);
            err.println(c.how());
            return c.provider().create(config);
        }, LayerPluginRegistry.discover(loader), out, err);
    }

    /** What a run ended with. */
    public record Result(Path saveDir, int epoch, int batchNum, long batchesTrained, Map<String, List<Double>> lastTest) {
    }

    /** A resolved run with its net built on a backend; closing it frees the net. */
    private record OpenModel(ResolvedRun run, Backend backend, Net net) implements AutoCloseable {
        @Override
        public void close() {
            net.close();
        }
    }

    private OpenModel open(TrainOptions given, boolean needCheckpoint) {
        return open(given, needCheckpoint, run -> { });
    }

    /** Resolves {@code given}, lets {@code check} refuse it before any backend starts, then builds the net. */
    private OpenModel open(TrainOptions given, boolean needCheckpoint, Consumer<ResolvedRun> check) {
        ResolvedRun run = ResolvedRun.resolve(given, needCheckpoint, layers, w -> err.println("warning: " + w));
        check.accept(run);
        Backend backend = backends.apply(run.options().backend());
        Net net = new Net(run.def(), backend, run.dtype());
        if (run.checkpoint().isPresent()) {
            NetParams.restore(run.def(), net, run.checkpoint().get().params(), "checkpoint " + given.loadFrom());
        } else {
            net.initParams(run.seed());
            if (run.options().initFrom() != null) {
                WeightsIo.initFrom(run.def(), net, run.options().initFrom());
                err.println("initial weights from " + run.options().initFrom());
            }
        }
        return new OpenModel(run, backend, net);
    }

    /** {@code train}: fresh, resumed with {@code -f}, or only tested with {@code --test-only}. */
    public Result train(TrainOptions given) {
        if (Boolean.TRUE.equals(given.testOnly())) {
            return test(given);
        }
        try (OpenModel m = open(given, false); Solver solver = solverFor(m, given)) {
            ResolvedRun run = m.run();
            run.def().initMessages().forEach(err::println);
            err.println("data: " + run.source().describe());
            if (run.embedded()) {
                printEmbeddedNote(run.options());
            }
            int lastEpoch = 1;
            int lastBatch = -1;
            List<Metric> history = new ArrayList<>();
            if (run.checkpoint().isPresent()) {
                Checkpoint cp = run.checkpoint().get();
                lastEpoch = cp.epoch();
                lastBatch = cp.batchNum();
                history.addAll(cp.metrics());
                err.println("resuming from checkpoint " + cp.name() + " in " + run.saveDir() + " (layer params re-read from "
                        + run.layerParams().name() + ")");
            }
            MetricsLog metrics = new MetricsLog(run.saveDir().resolve(CheckpointLayout.METRICS), history);
            int[] last = {lastEpoch, lastBatch};
            Trainer trainer = new Trainer(m.net(), solver, run.trainerConfig(), testerFor(m, run.multiviewTest()), metrics,
                    checkpointSaver(m, solver, last), out, err);
            err.println("training on backend " + m.backend().id() + " (" + m.backend().deviceName() + "), " + run.dtype()
                    + ", seed " + run.seed() + ", minibatch " + run.mini() + ", epochs " + run.epochs() + ", test every "
                    + run.testFreq() + " batches; checkpoints in " + run.saveDir());
            long trained = trainer.run(lastEpoch, lastBatch);
            return new Result(run.saveDir(), last[0], last[1], trained, lastTest(metrics.records()));
        }
    }

    private void printEmbeddedNote(TrainOptions o) {
        err.println("note: no --data-path given, so this trains on the embedded synthetic data set (10 classes of "
                + "coloured shapes)" + (o.layerDef() == null ? " with the seed net, conv1 initW=" + EmbeddedDemo.CONV1_INITW
                + " and the demo learning rates " + (o.layerParams() != null ? o.layerParams() : EmbeddedDemo.PARAMS)
                + " (cuda-convnet's own need far more data to leave chance)" : "") + ".");
        err.println("      For real CIFAR-10: jconvnet data download, then jconvnet train --data-path "
                + "~/.cache/jconvnet/cifar-10-batches-bin --layer-def " + NetCatalog.SEED
                + " --data-provider cifar-cropped --train-range 1-5 --test-range 6");
    }

    /** Saves a crash-safe checkpoint of the model at each test and records where it stands in {@code last}. */
    private Trainer.Saver checkpointSaver(OpenModel m, Solver solver, int[] last) {
        ResolvedRun run = m.run();
        CheckpointWriter writer = new CheckpointWriter();
        return (epoch, batch, done, records) -> {
            Checkpoint cp = new Checkpoint(epoch, batch, done, run.dtype(), run.layerDef().name(), run.layerDef().text(),
                    run.layerParams().name(), run.layerParams().text(), run.savedOptions(), records, run.mean(),
                    NetParams.snapshot(run.def(), m.net(), solver));
            try {
                Path dir = writer.write(run.saveDir(), cp);
                out.println("saved checkpoint " + dir);
            } catch (IOException e) {
                throw new JConvNetException("cannot save checkpoint in " + run.saveDir() + ": " + e.getMessage(), e);
            }
            last[0] = epoch;
            last[1] = batch;
        };
    }

    /** cuda-convnet's SGD on the opened net, with the checkpoint's momentum buffers on resume. */
    private static Solver solverFor(OpenModel m, TrainOptions given) {
        Solver solver = new SgdSolver(m.net());
        try {
            m.run().checkpoint().ifPresent(cp -> NetParams.restoreMomentum(m.run().def(), solver, cp.params(),
                    "checkpoint " + given.loadFrom()));
        } catch (RuntimeException e) {
            solver.close();
            throw e;
        }
        return solver;
    }

    /** The costs of the last test in {@code records}, or none. */
    private static Map<String, List<Double>> lastTest(List<Metric> records) {
        for (int i = records.size() - 1; i >= 0; i--) {
            if (records.get(i) instanceof TestMetric t) {
                return t.costs();
            }
        }
        return Map.of();
    }

    /**
     * How a test batch is evaluated: served as cuda-convnet's test crop, or with {@code multiview}
     * as its 10 views whose softmax outputs are averaged (cifar-cropped only).
     *
     * @throws JConvNetException when multiview is asked of a provider without crops
     */
    private static Trainer.BatchTester testerFor(OpenModel m, boolean multiview) {
        ResolvedRun run = m.run();
        if (!multiview) {
            return b -> Evaluator.test(m.net(), run.provider().serve(run.source().batch(b), ServeMode.TEST, 0), run.mini());
        }
        if (!(run.provider() instanceof CroppedCifarProvider)) {
            throw new JConvNetException("--multiview-test needs --data-provider=cifar-cropped (the 10 views are crops)");
        }
        return b -> Evaluator.multiview(m.net(), run.def(), run.provider().serve(run.source().batch(b), ServeMode.MULTIVIEW, 0),
                run.mini(), run.options().logregName());
    }

    /**
     * {@code test}: the loaded model on every batch of the test range (multiview with
     * {@code --multiview-test}); prints cuda-convnet's test output.
     */
    public Result test(TrainOptions given) {
        try (OpenModel m = open(given, true)) {
            ResolvedRun run = m.run();
            Trainer.BatchTester tester = testerFor(m, run.multiviewTest());
            CostSums sums = new CostSums();
            for (int b : run.testRange().batches()) {
                sums.add(tester.test(b));
            }
            out.println("======================Test output======================");
            out.println((run.multiviewTest() ? "multiview " : "") + "test on batches " + run.testRange() + ": "
                    + sums.format() + " (" + sums.cases() + " cases)");
            int e = run.checkpoint().map(Checkpoint::epoch).orElse(0);
            int bn = run.checkpoint().map(Checkpoint::batchNum).orElse(0);
            return new Result(given.loadFrom(), e, bn, 0, sums.means());
        }
    }

    /** {@code features}: writes {@code DIR/NAME.npy} (outputs, N) of {@code layer} over the test range. */
    public Path features(TrainOptions given, String layer, Path dir, String name) {
        try (OpenModel m = open(given, true, run -> run.requireLayer("--layer", layer))) {
            ResolvedRun run = m.run();
            List<ServedBatch> batches = new ArrayList<>();
            for (int b : run.testRange().batches()) {
                batches.add(run.provider().serve(run.source().batch(b), ServeMode.TEST, 0));
            }
            Path f = FeatureWriter.write(run.def(), m.net(), batches, run.mini(), layer, run.dtype(), dir, name);
            out.println("wrote " + f + " (" + run.def().layer(layer).outputs() + " x "
                    + batches.stream().mapToInt(ServedBatch::numCases).sum() + ")");
            return f;
        }
    }

    /**
     * {@code export-weights}: every parameter as {@code DIR/<layer>.<param>.npy}. From a checkpoint
     * the values are read from its files, so no backend starts.
     */
    public List<Path> exportWeights(TrainOptions given, Path dir) {
        if (given.loadFrom() != null) {
            ResolvedRun run = ResolvedRun.resolve(given, true, layers, w -> err.println("warning: " + w));
            Checkpoint cp = run.checkpoint().orElseThrow();
            List<Path> files = WeightsIo.export(run.def(), (layer, param) -> savedValues(cp, layer, param, run.def()),
                    run.dtype(), dir);
            out.println("wrote " + files.size() + " parameter files to " + dir);
            return files;
        }
        try (OpenModel m = open(given, true)) {
            List<Path> files = WeightsIo.export(m.run().def(), m.net(), m.run().dtype(), dir);
            out.println("wrote " + files.size() + " parameter files to " + dir);
            return files;
        }
    }

    private static double[] savedValues(Checkpoint cp, String layer, String param, org.jconvnet.layers.net.NetDefinition def) {
        org.jconvnet.train.checkpoint.SavedParam p = cp.param(layer, param).orElseThrow(() -> new JConvNetException(
                "checkpoint " + cp.name() + " has no " + param + " of layer '" + layer + "'"));
        org.jconvnet.api.layer.ParamSpec spec = def.layer(layer).params().stream().filter(s -> s.name().equals(param))
                .findFirst().orElseThrow();
        if (p.rows() != spec.rows() || p.cols() != spec.cols()) {
            throw new JConvNetException("checkpoint " + cp.name() + ": " + layer + "." + param + " is " + p.rows() + "x"
                    + p.cols() + ", the net needs " + spec.rows() + "x" + spec.cols());
        }
        return p.values();
    }

    /** Opens the model of {@code given} (for {@code show}) and hands it to {@code use}. */
    public <T> T withModel(TrainOptions given, ModelUser<T> use) {
        return withModel(given, run -> { }, use);
    }

    /**
     * Opens the model of {@code given} and hands it to {@code use}; {@code check} sees the resolved
     * run first and may refuse it (with an {@link InvalidOptionException}) before any backend starts.
     */
    public <T> T withModel(TrainOptions given, Consumer<ResolvedRun> check, ModelUser<T> use) {
        try (OpenModel m = open(given, true, check)) {
            return use.use(m.run(), m.net());
        }
    }

    /** Receives an opened model. */
    @FunctionalInterface
    public interface ModelUser<T> {
        /** Uses the model; the net is closed afterwards. */
        T use(ResolvedRun run, Net net);
    }
}
