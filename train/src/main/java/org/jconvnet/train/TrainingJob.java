package org.jconvnet.train;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.backend.BackendConfig;
import org.jconvnet.api.backend.BackendRegistry;
import org.jconvnet.api.backend.BackendSelector;
import org.jconvnet.api.layer.LayerPluginRegistry;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.layers.net.Net;
import org.jconvnet.layers.net.NetCatalog;
import org.jconvnet.layers.net.NetDefinition;
import org.jconvnet.layers.net.NetSource;
import org.jconvnet.train.checkpoint.Checkpoint;
import org.jconvnet.train.checkpoint.CheckpointLayout;
import org.jconvnet.train.checkpoint.CheckpointReader;
import org.jconvnet.train.checkpoint.CheckpointWriter;
import org.jconvnet.train.checkpoint.NetParams;
import org.jconvnet.train.data.BatchRange;
import org.jconvnet.train.data.BatchSource;
import org.jconvnet.train.data.CifarDirectory;
import org.jconvnet.train.data.DataMean;
import org.jconvnet.train.data.DataProvider;
import org.jconvnet.train.data.DataProviders;
import org.jconvnet.train.data.ServeMode;
import org.jconvnet.train.data.ServedBatch;
import org.jconvnet.train.data.SyntheticCifar;
import org.jconvnet.train.interop.FeatureWriter;
import org.jconvnet.train.interop.WeightsIo;
import org.jconvnet.train.solver.SgdSolver;
import org.jconvnet.train.solver.Solver;

/**
 * The facade the command line calls: {@code train} (fresh, {@code -f} resume, {@code --test-only}),
 * {@code test}, {@code features}, {@code export-weights}. It resolves the options (defaults, the
 * checkpoint's saved options on resume), loads the data, builds the net on a backend, and runs.
 *
 * <p>With no {@code --data-path} it trains on the embedded synthetic data set
 * ({@link SyntheticCifar}) with the demo learning rates ({@value #DEMO_PARAMS}), sized to show
 * learning within about two minutes on the CPU backend.
 */
public final class TrainingJob {
    /** The demo layer-params resource used with the embedded data set and the seed net. */
    public static final String DEMO_PARAMS = "layer-params-demo.cfg";
    /** Embedded data set: training batches, images per batch, test images. */
    public static final int DEMO_BATCHES = 5;
    /** Images per embedded training batch. */
    public static final int DEMO_IMAGES = 160;
    /** Images in the embedded test batch. */
    public static final int DEMO_TEST_IMAGES = 200;
    /** Default epochs on the embedded set (cuda-convnet's stop rule adds one batch of epoch 2). */
    public static final int DEMO_EPOCHS = 1;
    /** Default minibatch on the embedded set: small, so two minutes give ~60 SGD steps. */
    public static final int DEMO_MINI = 16;
    /** The seed net's conv1 {@code initW} in the demo (cuda-convnet ships 0.0001). */
    public static final String DEMO_CONV1_INITW = "0.01";

    private final Function<String, Backend> backends;
    private final PrintStream out;
    private final PrintStream err;

    /**
     * @param backends opens a backend by id (null id: automatic choice); the job never closes it
     * @param out      results
     * @param err      progress and notes
     */
    public TrainingJob(Function<String, Backend> backends, PrintStream out, PrintStream err) {
        this.backends = backends;
        this.out = out;
        this.err = err;
    }

    /** A job that discovers backends through {@link java.util.ServiceLoader} on the context class loader. */
    public static TrainingJob withDiscoveredBackends(PrintStream out, PrintStream err) {
        return new TrainingJob(id -> {
            BackendSelector s = new BackendSelector(BackendRegistry.discover(Thread.currentThread().getContextClassLoader()));
            BackendSelector.Choice c = s.choose(id);
            err.println(c.how());
            return c.provider().create(BackendConfig.defaults());
        }, out, err);
    }

    /** What a run ended with. */
    public record Result(Path saveDir, int epoch, int batchNum, long batchesTrained, Map<String, List<Double>> lastTest) {
    }

    /** Everything resolved for one run. */
    private final class Prepared implements AutoCloseable {
        TrainOptions opts;
        BatchSource source;
        BatchRange trainRange;
        BatchRange testRange;
        double[] mean;
        DataProvider provider;
        NetDefinition def;
        Net net;
        DType dtype;
        Backend backend;
        Optional<Checkpoint> checkpoint = Optional.empty();
        Path saveDir;
        long seed;
        boolean embedded;
        NetSource layerDef;
        NetSource layerParams;

        int mini() {
            return opts.mini() != null ? opts.mini() : embedded ? DEMO_MINI : 128;
        }

        @Override
        public void close() {
            if (net != null) {
                net.close();
            }
        }
    }

    private Prepared prepare(TrainOptions given, boolean needCheckpoint) {
        Prepared p = new Prepared();
        if (given.loadFrom() != null) {
            Checkpoint cp = CheckpointReader.loadLatest(given.loadFrom(), w -> err.println("warning: " + w));
            p.checkpoint = Optional.of(cp);
            p.opts = given.over(cp.options());
        } else if (needCheckpoint && given.initFrom() == null) {
            throw new JConvNetException("this command needs a trained model: give -f CHECKPOINT_DIR (or --init-from DIR)");
        } else {
            p.opts = given;
        }
        TrainOptions o = p.opts;
        p.embedded = o.dataPath() == null;
        p.source = p.embedded ? new SyntheticCifar(DEMO_BATCHES, DEMO_IMAGES, DEMO_TEST_IMAGES) : new CifarDirectory(o.dataPath());
        p.trainRange = BatchRange.parse("--train-range", o.trainRange() != null ? o.trainRange() : "1-5");
        p.testRange = BatchRange.parse("--test-range", o.testRange() != null ? o.testRange() : "6");
        p.dtype = o.dtype() != null ? DType.parse(o.dtype()) : DType.FLOAT32;
        p.seed = o.seed() != null ? o.seed() : System.nanoTime();
        if (p.checkpoint.isPresent()) {
            Checkpoint cp = p.checkpoint.get();
            p.mean = cp.dataMean();
            p.layerDef = new NetSource(cp.layerDefName(), cp.layerDefText());
            p.layerParams = reReadParams(o, cp);
        } else {
            p.mean = DataMean.compute(p.source, p.trainRange.batches());
            String defName = o.layerDef() != null ? o.layerDef() : NetCatalog.SEED;
            p.layerDef = p.embedded && o.layerDef() == null ? demoDef() : NetCatalog.layerDef(defName);
            p.layerParams = o.layerParams() != null ? NetSource.file(Path.of(o.layerParams()))
                    : p.embedded && o.layerDef() == null ? demoParams() : NetCatalog.layerParamsFor(defName);
        }
        p.provider = DataProviders.create(o.dataProvider() != null ? o.dataProvider() : "cifar", p.mean,
                o.cropBorder() != null ? o.cropBorder() : 4);
        p.def = NetDefinition.load(p.layerDef, p.layerParams, p.provider.dims(),
                LayerPluginRegistry.discover(Thread.currentThread().getContextClassLoader()),
                NetDefinition.Options.strict());
        p.backend = backends.apply(o.backend());
        p.net = new Net(p.def, p.backend, p.dtype);
        if (p.checkpoint.isPresent()) {
            NetParams.restore(p.def, p.net, p.checkpoint.get().params(), "checkpoint " + given.loadFrom());
        } else {
            p.net.initParams(p.seed);
            if (o.initFrom() != null) {
                WeightsIo.initFrom(p.def, p.net, o.initFrom());
                err.println("initial weights from " + o.initFrom());
            }
        }
        return p;
    }

    /** cuda-convnet re-reads the layer-params file on every start, including resume. */
    private NetSource reReadParams(TrainOptions o, Checkpoint cp) {
        if (o.layerParams() != null && Files.isRegularFile(Path.of(o.layerParams()))) {
            return NetSource.file(Path.of(o.layerParams()));
        }
        Path saved = Path.of(cp.layerParamsName());
        if (Files.isRegularFile(saved)) {
            return NetSource.file(saved);
        }
        if (DEMO_PARAMS.equals(cp.layerParamsName())) {
            return demoParams();
        }
        String defName = o.layerDef() != null ? o.layerDef() : cp.layerDefName();
        if (NetCatalog.names().contains(defName.replace(".cfg", ""))) {
            return NetCatalog.layerParamsFor(defName);
        }
        err.println("warning: cannot re-read " + cp.layerParamsName() + "; using the copy saved in the checkpoint");
        return new NetSource(cp.layerParamsName(), cp.layerParamsText());
    }

    /**
     * The seed net for the embedded demo: {@code layers-conv-local-11pct} exactly, except conv1's
     * {@code initW} raised from 0.0001 to {@value #DEMO_CONV1_INITW}. With cuda-convnet's tiny conv1
     * init the activations reaching fc10 are ~1e-2 and the net needs epochs of 50000 images before
     * its error leaves 90%; the demo has ~1000 images. Derived from the shipped file at run time so
     * the architecture cannot drift from the seed.
     */
    public static NetSource demoDef() {
        NetSource seed = NetCatalog.layerDef(NetCatalog.SEED);
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("(\\[conv1\\][^\\[]*?initW\\s*=\\s*)0\\.0001").matcher(seed.text());
        if (!m.find()) {
            throw new JConvNetException("the shipped seed net no longer has conv1 initW=0.0001; update TrainingJob.demoDef");
        }
        String text = seed.text().substring(0, m.start()) + m.group(1) + DEMO_CONV1_INITW + seed.text().substring(m.end());
        return new NetSource(seed.name() + " (demo: conv1 initW=" + DEMO_CONV1_INITW + ")", text);
    }

    /** The shipped demo learning rates for the seed net on the embedded data set. */
    public static NetSource demoParams() {
        try (InputStream in = TrainingJob.class.getResourceAsStream(DEMO_PARAMS)) {
            if (in == null) {
                throw new JConvNetException(DEMO_PARAMS + " is missing from the train jar");
            }
            return new NetSource(DEMO_PARAMS, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new JConvNetException("cannot read " + DEMO_PARAMS + ": " + e.getMessage(), e);
        }
    }

    /** {@code train}: fresh, resumed with {@code -f}, or only tested with {@code --test-only}. */
    public Result train(TrainOptions given) {
        if (Boolean.TRUE.equals(given.testOnly())) {
            return test(given);
        }
        try (Prepared p = prepare(given, false); Solver solver = solverFor(p, given)) {
            TrainOptions o = p.opts;
            p.def.initMessages().forEach(err::println);
            err.println("data: " + p.source.describe());
            if (p.embedded) {
                err.println("note: no --data-path given, so this trains on the embedded synthetic data set (10 classes of "
                        + "coloured shapes)" + (o.layerDef() == null ? " with the seed net, conv1 initW=" + DEMO_CONV1_INITW
                        + " and the demo learning rates " + (o.layerParams() != null ? o.layerParams() : DEMO_PARAMS)
                        + " (cuda-convnet's own need far more data to leave chance)" : "") + ".");
                err.println("      For real CIFAR-10: jconvnet data download, then jconvnet train --data-path "
                        + "~/.cache/jconvnet/cifar-10-batches-bin --layer-def " + NetCatalog.SEED
                        + " --data-provider cifar-cropped --train-range 1-5 --test-range 6");
            }
            int epochs = o.epochs() != null ? o.epochs() : p.embedded ? DEMO_EPOCHS : 50000;
            int testFreq = o.testFreq() != null ? o.testFreq() : p.embedded ? p.trainRange.size() : 50;
            boolean testOne = o.testOne() == null || o.testOne();
            int lastEpoch = 1;
            int lastBatch = -1;
            List<Map<String, Object>> history = new ArrayList<>();
            if (p.checkpoint.isPresent()) {
                Checkpoint cp = p.checkpoint.get();
                p.saveDir = given.loadFrom().resolve(CheckpointLayout.MANIFEST).toFile().isFile()
                        ? given.loadFrom().toAbsolutePath().getParent() : given.loadFrom();
                lastEpoch = cp.epoch();
                lastBatch = cp.batchNum();
                history.addAll(cp.metrics());
                err.println("resuming from checkpoint " + cp.name() + " in " + p.saveDir + " (layer params re-read from "
                        + p.layerParams.name() + ")");
            } else {
                Path savePath = o.savePath() != null ? o.savePath() : Path.of("checkpoints");
                String name = o.saveName() != null ? o.saveName()
                        : "ConvNet__" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd_HH.mm.ss"));
                p.saveDir = savePath.resolve(name);
            }
            TrainOptions saved = o.toBuilder().seed(p.seed).epochs(epochs).testFreq(testFreq).mini(p.mini())
                    .testOne(testOne).loadFrom(null).testOnly(null).build();
            MetricsLog metrics = new MetricsLog(p.saveDir.resolve(CheckpointLayout.METRICS), history);
            CheckpointWriter writer = new CheckpointWriter();
            int[] last = {lastEpoch, lastBatch};
            Trainer.BatchTester tester = testerFor(p, Boolean.TRUE.equals(o.multiviewTest()));
            Trainer trainer = new Trainer(p.net, solver, p.provider, p.source, p.trainRange, p.testRange, p.mini(), testFreq,
                    epochs, testOne, tester, p.seed, metrics, (epoch, batch, done, records) -> {
                        Checkpoint cp = new Checkpoint(epoch, batch, done, p.dtype, p.layerDef.name(), p.layerDef.text(),
                                p.layerParams.name(), p.layerParams.text(), saved.asMap(), records, p.mean,
                                NetParams.snapshot(p.def, p.net, solver));
                        try {
                            Path dir = writer.write(p.saveDir, cp);
                            out.println("saved checkpoint " + dir);
                        } catch (IOException e) {
                            throw new JConvNetException("cannot save checkpoint in " + p.saveDir + ": " + e.getMessage(), e);
                        }
                        last[0] = epoch;
                        last[1] = batch;
                    }, out, err);
            err.println("training on backend " + p.backend.id() + " (" + p.backend.deviceName() + "), " + p.dtype
                    + ", seed " + p.seed + ", minibatch " + p.mini() + ", epochs " + epochs + ", test every " + testFreq
                    + " batches; checkpoints in " + p.saveDir);
            long trained = trainer.run(lastEpoch, lastBatch);
            Map<String, List<Double>> lastTest = lastTest(metrics.records());
            return new Result(p.saveDir, last[0], last[1], trained, lastTest);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<Double>> lastTest(List<Map<String, Object>> records) {
        for (int i = records.size() - 1; i >= 0; i--) {
            if ("test".equals(records.get(i).get("type"))) {
                Map<String, List<Double>> out = new java.util.LinkedHashMap<>();
                ((Map<String, Object>) records.get(i).get("costs")).forEach((k, v) -> {
                    List<Double> l = new ArrayList<>();
                    ((List<Object>) v).forEach(x -> l.add(org.jconvnet.train.json.Json.asDouble(x)));
                    out.put(k, l);
                });
                return out;
            }
        }
        return Map.of();
    }

    /** cuda-convnet's SGD on the prepared net, with the checkpoint's momentum buffers on resume. */
    private static Solver solverFor(Prepared p, TrainOptions given) {
        Solver solver = new SgdSolver(p.net);
        try {
            p.checkpoint.ifPresent(cp -> NetParams.restoreMomentum(p.def, solver, cp.params(), "checkpoint " + given.loadFrom()));
        } catch (RuntimeException e) {
            solver.close();
            throw e;
        }
        return solver;
    }

    /**
     * How a test batch is evaluated: served as cuda-convnet's test crop, or with {@code multiview}
     * as its 10 views whose softmax outputs are averaged (cifar-cropped only).
     *
     * @throws JConvNetException when multiview is asked of a provider without crops
     */
    private static Trainer.BatchTester testerFor(Prepared p, boolean multiview) {
        if (!multiview) {
            return b -> Evaluator.test(p.net, p.provider.serve(p.source.batch(b), ServeMode.TEST, 0), p.mini());
        }
        if (!(p.provider instanceof org.jconvnet.train.data.CroppedCifarProvider)) {
            throw new JConvNetException("--multiview-test needs --data-provider=cifar-cropped (the 10 views are crops)");
        }
        return b -> Evaluator.multiview(p.net, p.def, p.provider.serve(p.source.batch(b), ServeMode.MULTIVIEW, 0), p.mini(),
                p.opts.logregName());
    }

    /**
     * {@code test}: the loaded model on every batch of the test range (multiview with
     * {@code --multiview-test}); prints cuda-convnet's test output.
     */
    public Result test(TrainOptions given) {
        try (Prepared p = prepare(given, true)) {
            boolean multiview = Boolean.TRUE.equals(p.opts.multiviewTest());
            Trainer.BatchTester tester = testerFor(p, multiview);
            CostSums sums = new CostSums();
            for (int b : p.testRange.batches()) {
                sums.add(tester.test(b));
            }
            out.println("======================Test output======================");
            out.println((multiview ? "multiview " : "") + "test on batches " + p.testRange.batches() + ": " + sums.format()
                    + " (" + sums.cases() + " cases)");
            int e = p.checkpoint.map(Checkpoint::epoch).orElse(0);
            int bn = p.checkpoint.map(Checkpoint::batchNum).orElse(0);
            return new Result(given.loadFrom(), e, bn, 0, sums.means());
        }
    }

    /** {@code features}: writes {@code DIR/NAME.npy} (outputs, N) of {@code layer} over the test range. */
    public Path features(TrainOptions given, String layer, Path dir, String name) {
        try (Prepared p = prepare(given, true)) {
            List<ServedBatch> batches = new ArrayList<>();
            for (int b : p.testRange.batches()) {
                batches.add(p.provider.serve(p.source.batch(b), ServeMode.TEST, 0));
            }
            Path f = FeatureWriter.write(p.def, p.net, batches, p.mini(), layer, p.dtype, dir, name);
            out.println("wrote " + f + " (" + p.def.layer(layer).outputs() + " x "
                    + batches.stream().mapToInt(ServedBatch::numCases).sum() + ")");
            return f;
        }
    }

    /** {@code export-weights}: every parameter as {@code DIR/<layer>.<param>.npy}. */
    public List<Path> exportWeights(TrainOptions given, Path dir) {
        try (Prepared p = prepare(given, true)) {
            List<Path> files = WeightsIo.export(p.def, p.net, p.dtype, dir);
            out.println("wrote " + files.size() + " parameter files to " + dir);
            return files;
        }
    }

    /** Opens the model of {@code given} (for {@code show}) and hands it to {@code use}. */
    public <T> T withModel(TrainOptions given, ModelUser<T> use) {
        try (Prepared p = prepare(given, true)) {
            return use.use(p.def, p.net, p.provider, p.source, p.testRange, p.mini(),
                    p.checkpoint.orElse(null));
        }
    }

    /** Receives an opened model. */
    @FunctionalInterface
    public interface ModelUser<T> {
        /** Uses the model; the net is closed afterwards. */
        T use(NetDefinition def, Net net, DataProvider provider, BatchSource source, BatchRange testRange, int mini,
              Checkpoint checkpoint);
    }
}
