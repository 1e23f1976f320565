package org.jconvnet.train;

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
import org.jconvnet.train.checkpoint.NetParams;
import org.jconvnet.train.data.CroppedCifarProvider;
import org.jconvnet.train.distributed.DistributedOptions;
import org.jconvnet.train.distributed.DistributedRun;
import org.jconvnet.train.distributed.DistributedTrainerProvider;
import org.jconvnet.train.distributed.DistributedTrainers;
import org.jconvnet.train.data.ServeMode;
import org.jconvnet.train.data.ServedBatch;
import org.jconvnet.train.interop.FeatureWriter;
import org.jconvnet.train.interop.WeightsIo;
import org.jconvnet.train.metrics.Metric;
import org.jconvnet.train.metrics.TestMetric;
import org.jconvnet.train.run.DivergenceException;
import org.jconvnet.train.run.RunDirectory;
import org.jconvnet.train.run.RunDirectoryConflict;
import org.jconvnet.train.run.StopSignal;
import org.jconvnet.train.run.TrainingStopped;
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
    private final TrainingEnvironment env;

    /** A job for in-process use ({@link TrainingEnvironment#plain()}: no progress bars, no signal handling). */
    public TrainingJob(Function<String, Backend> backends, LayerPluginRegistry layers, PrintStream out, PrintStream err) {
        this(backends, layers, out, err, TrainingEnvironment.plain());
    }

    /**
     * @param backends opens a backend by id (null id: automatic choice); the job never closes it
     * @param layers   the layer plugins nets are built from
     * @param out      results
     * @param err      progress and notes
     * @param env      terminal, stop signal and checkpoint file system
     */
    public TrainingJob(Function<String, Backend> backends, LayerPluginRegistry layers, PrintStream out, PrintStream err,
                       TrainingEnvironment env) {
        this.backends = backends;
        this.layers = layers;
        this.out = out;
        this.err = err;
        this.env = env;
    }

    /**
     * A job that discovers backends and layer plugins through {@link java.util.ServiceLoader} on
     * the class loader of jconvnet itself (no plugin folders: the CLI passes its own registries).
     */
    public static TrainingJob withDiscoveredBackends(PrintStream out, PrintStream err) {
        return withDiscoveredBackends(out, err, TrainingEnvironment.plain());
    }

    /** The same in the given environment. */
    public static TrainingJob withDiscoveredBackends(PrintStream out, PrintStream err, TrainingEnvironment env) {
        ClassLoader loader = TrainingJob.class.getClassLoader();
        BackendConfig config = BackendConfig.defaults().withPluginLoader(loader);
        return new TrainingJob(id -> {
            BackendSelector s = new BackendSelector(BackendRegistry.discover(loader));
            BackendSelector.Choice c = s.choose(id);
            err.println(c.how());
            return c.provider().create(config);
        }, LayerPluginRegistry.discover(loader), out, err, env);
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
        ResolvedRun run = resolve(given, needCheckpoint);
        check.accept(run);
        return build(run, given);
    }

    private ResolvedRun resolve(TrainOptions given, boolean needCheckpoint) {
        return ResolvedRun.resolve(given, needCheckpoint, layers, w -> err.println("warning: " + w));
    }

    private OpenModel build(ResolvedRun run, TrainOptions given) {
        Backend backend = backends.apply(run.options().backend());
        return new OpenModel(run, backend, buildNet(run, backend, err::println));
    }

    /**
     * The net of a resolved run on {@code backend}, with its starting parameters: the checkpoint's
     * ({@code -f}), else {@code --seed}'s initialisation, overwritten by {@code --init-from}'s files
     * when given. Every command and {@link org.jconvnet.train.facade.JConvNet} build nets here.
     *
     * @param run     the resolved run
     * @param backend the started backend the net's tensors go to
     * @param notes   receives one line when initial weights are read from {@code --init-from}
     * @return the net; the caller closes it (it is closed here when filling it fails)
     */
    public static Net buildNet(ResolvedRun run, Backend backend, Consumer<String> notes) {
        Net net = new Net(run.def(), backend, run.dtype());
        try {
            if (run.checkpoint().isPresent()) {
                NetParams.restore(run.def(), net, run.checkpoint().get().params(), "checkpoint " + run.options().loadFrom());
            } else {
                net.initParams(run.seed());
                if (run.options().initFrom() != null) {
                    WeightsIo.initFrom(run.def(), net, run.options().initFrom());
                    notes.accept("initial weights from " + run.options().initFrom());
                }
            }
        } catch (RuntimeException e) {
            net.close();
            throw e;
        }
        return net;
    }

    /**
     * {@code train}: fresh, resumed with {@code -f}, or only tested with {@code --test-only}. The
     * run directory is locked for the whole run ({@link RunDirectory}): a resumed one before its
     * checkpoint is read, a fresh one (which must be missing or empty) before the backend starts.
     *
     * @throws RunDirectoryConflict when the directory holds a run already or another process uses it
     * @throws DivergenceException  when a cost or parameter goes non-finite (nothing saved after it)
     * @throws TrainingStopped      after a stop request, once the checkpoint is saved
     */
    public Result train(TrainOptions given) {
        return train(given, null);
    }

    /**
     * {@code train} as above, its minibatches spread over a cluster when {@code distributed} is
     * given ({@code --spark}): the engine's provider is looked up before anything starts; the
     * driver keeps the net that tests and checkpoints read, so the run's output and artefacts are
     * a single-machine run's.
     *
     * @param distributed the cluster to train on, or null for this machine
     * @throws org.jconvnet.api.JConvNetException when the engine's module is not installed
     */
    public Result train(TrainOptions given, DistributedOptions distributed) {
        if (Boolean.TRUE.equals(given.testOnly())) {
            return test(given);
        }
        DistributedTrainerProvider engine = distributed == null ? null
                : DistributedTrainers.find(distributed.engine(), TrainingJob.class.getClassLoader());
        RunDirectory dir = given.loadFrom() == null ? null : RunDirectory.lockForResume(ResolvedRun.runDirOf(given.loadFrom()));
        try {
            ResolvedRun run = resolve(given, false);
            if (dir == null) {
                dir = RunDirectory.claimFresh(run.saveDir());
            }
            return train(run, given, distributed, engine);
        } finally {
            if (dir != null) {
                dir.close();
            }
        }
    }

    private Result train(ResolvedRun run, TrainOptions given, DistributedOptions distributed,
                         DistributedTrainerProvider engine) {
        try (OpenModel m = build(run, given); Solver solver = solverFor(m, given);
             MinibatchTrainer steps = engine == null ? new LocalMinibatchTrainer(m.net(), solver)
                     : engine.open(distributed, new DistributedRun(run, m.net(), solver, err))) {
            run.def().initMessages().forEach(err::println);
            err.println("data: " + run.source().describe());
            if (run.embedded()) {
                EmbeddedDemo.printNote(err, run.options());
            }
            List<Metric> history = new ArrayList<>();
            run.checkpoint().ifPresent(cp -> {
                history.addAll(cp.metrics());
                err.println("resuming from checkpoint " + cp.name() + " in " + run.saveDir() + " (layer params re-read from "
                        + run.layerParams().name() + ")");
            });
            MetricsLog metrics = new MetricsLog(run.saveDir().resolve(CheckpointLayout.METRICS), history)
                    .listenedBy(env.metrics());
            CheckpointSaver saver = new CheckpointSaver(run, m.net(), solver, env.checkpointFs(), out);
            Trainer trainer = new Trainer(steps, run.trainerConfig(),
                    BatchTesters.of(run, m.net(), run.multiviewTest()), metrics, saver, env, out, err);
            err.println("training on backend " + m.backend().id() + " (" + m.backend().deviceName() + "), " + run.dtype()
                    + ", seed " + run.seed() + ", minibatch " + run.mini() + ", epochs " + run.epochs() + ", test every "
                    + run.testFreq() + " batches; checkpoints in " + run.saveDir() + steps.describe());
            if (!run.lrSchedule().isEmpty()) {
                err.println("learning-rate schedule " + run.lrSchedule().text() + ": " + run.lrSchedule().describe());
            }
            long trained;
            try (StopSignal.Scope watching = env.stop().watch()) {
                trained = trainer.run(saver.epoch(), saver.batchNum());
            } catch (DivergenceException e) {
                throw new DivergenceException(e.getMessage() + "; " + saver.latestNote());
            }
            return new Result(run.saveDir(), saver.epoch(), saver.batchNum(), trained, metrics.lastTestCosts());
        }
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

    /**
     * {@code test}: the loaded model on every batch of the test range (multiview with
     * {@code --multiview-test}); prints cuda-convnet's test output.
     */
    public Result test(TrainOptions given) {
        try (OpenModel m = open(given, true)) {
            ResolvedRun run = m.run();
            CostSums sums = Evaluator.testBatches(run, m.net(), run.testRange(), run.multiviewTest());
            Evaluator.testOutput(run.testRange(), run.multiviewTest(), sums).forEach(out::println);
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
     * {@code export-weights}: every parameter as {@code DIR/<layer>.<param>.npy}, and the data mean as
     * {@code DIR/}{@value WeightsIo#DATA_MEAN} (read back by {@code --init-from}). From a checkpoint
     * the values are read from its files, so no backend starts.
     */
    public List<Path> exportWeights(TrainOptions given, Path dir) {
        if (given.loadFrom() != null) {
            ResolvedRun run = ResolvedRun.resolve(given, true, layers, w -> err.println("warning: " + w));
            Checkpoint cp = run.checkpoint().orElseThrow();
            List<Path> files = new ArrayList<>(WeightsIo.export(run.def(),
                    (layer, param) -> savedValues(cp, layer, param, run.def()), run.dtype(), dir));
            files.add(WeightsIo.exportDataMean(run.mean(), dir));
            out.println("wrote " + (files.size() - 1) + " parameter files and the data mean to " + dir);
            return files;
        }
        try (OpenModel m = open(given, true)) {
            List<Path> files = new ArrayList<>(WeightsIo.export(m.run().def(), m.net(), m.run().dtype(), dir));
            files.add(WeightsIo.exportDataMean(m.run().mean(), dir));
            out.println("wrote " + (files.size() - 1) + " parameter files and the data mean to " + dir);
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
