package org.jconvnet.train;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Consumer;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.api.layer.LayerPluginRegistry;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.layers.net.NetCatalog;
import org.jconvnet.layers.net.NetDefinition;
import org.jconvnet.layers.net.NetSource;
import org.jconvnet.train.checkpoint.Checkpoint;
import org.jconvnet.train.checkpoint.CheckpointLayout;
import org.jconvnet.train.checkpoint.CheckpointReader;
import org.jconvnet.train.data.BatchRange;
import org.jconvnet.train.data.BatchSource;
import org.jconvnet.train.data.CifarDirectory;
import org.jconvnet.train.data.DataMean;
import org.jconvnet.train.data.DataProvider;
import org.jconvnet.train.interop.WeightsIo;
import org.jconvnet.train.solver.LrSchedule;

/**
 * Everything a run needs, decided once before it starts: the options after the resume rule, every
 * default applied (from {@link TrainDefaults}), the data, the net definition and, when resuming or
 * evaluating, the checkpoint. Nothing here holds a device resource; the net is built from it.
 *
 * <p>Resume rule (cuda-convnet's): an option given now wins; else the value saved in the
 * checkpoint; else the default.
 *
 * @param options       the options after the resume rule, defaults not applied (as saved)
 * @param checkpoint    the checkpoint loaded with {@code -f}, if any
 * @param embedded      no {@code --data-path}: the embedded synthetic set
 * @param source        the data batches
 * @param trainRange    training batches
 * @param testRange     test batches
 * @param dtype         the net's precision
 * @param seed          weight-init and crop seed (the clock's nanoseconds when not given)
 * @param mean          the per-pixel data mean (the checkpoint's on resume); not to be modified
 * @param layerDef      the layer definition
 * @param layerParams   the layer parameters (re-read on resume)
 * @param provider      serves batches as the net's input
 * @param def           the net definition
 * @param mini          minibatch size
 * @param epochs        the last epoch to train
 * @param testFreq      test and save every this many training batches
 * @param testOne       test one batch in rotation rather than all
 * @param multiviewTest test on 10 views per image
 * @param saveDir       where this run's checkpoints go
 * @param lrSchedule    the learning-rate factor by epoch ({@code --lr-schedule}; the checkpoint's on resume
 *                      unless given again)
 */
public record ResolvedRun(TrainOptions options, Optional<Checkpoint> checkpoint, boolean embedded, BatchSource source,
                          BatchRange trainRange, BatchRange testRange, DType dtype, long seed, double[] mean,
                          NetSource layerDef, NetSource layerParams, DataProvider provider, NetDefinition def,
                          int mini, int epochs, int testFreq, boolean testOne, boolean multiviewTest, Path saveDir,
                          LrSchedule lrSchedule) {

    /**
     * Resolves {@code given}: loads the checkpoint of {@code -f}, applies the resume rule and the
     * defaults, reads the data (and computes its mean for a fresh model) and loads the net.
     *
     * @param needCheckpoint the command evaluates a trained model ({@code -f} or {@code --init-from} required)
     * @param plugins        the layer types the net may use
     * @param warn           receives warnings (skipped checkpoints, a layer-params file not re-read)
     */
    public static ResolvedRun resolve(TrainOptions given, boolean needCheckpoint, LayerPluginRegistry plugins,
                                      Consumer<String> warn) {
        return resolve(given, needCheckpoint, true, plugins, warn);
    }

    /**
     * {@link #resolve(TrainOptions, boolean, LayerPluginRegistry, Consumer)}, where a model loaded
     * from a checkpoint may do without its data set.
     *
     * @param needCheckpoint the command evaluates a trained model ({@code -f} or {@code --init-from} required)
     * @param needData       the data set must be readable and hold the test range; when false and
     *                       a checkpoint is loaded (it carries the data mean), a data set that cannot
     *                       be read is left out: {@link #source()} then holds no batch and names what
     *                       was missing when one is asked for (prediction on given images needs none)
     * @param plugins        the layer types the net may use
     * @param warn           receives warnings (skipped checkpoints, a layer-params file not re-read)
     * @return the resolved run
     */
    public static ResolvedRun resolve(TrainOptions given, boolean needCheckpoint, boolean needData,
                                      LayerPluginRegistry plugins, Consumer<String> warn) {
        Optional<Checkpoint> cp = Optional.empty();
        TrainOptions o = given;
        if (given.loadFrom() != null) {
            cp = Optional.of(CheckpointReader.loadLatest(given.loadFrom(), warn));
            o = given.over(cp.get().options());
        } else if (needCheckpoint && given.initFrom() == null) {
            throw new InvalidOptionException("this command needs a trained model: give -f CHECKPOINT_DIR (or --init-from DIR)");
        }
        if (cp.isPresent()) {
            OptionChecks.requireCheckpointMatch(given, cp.get());
        }
        boolean embedded = o.dataPath() == null;
        boolean dataOptional = !needData && cp.isPresent();
        BatchSource source = embedded ? EmbeddedDemo.data()
                : dataOptional ? UnreadableData.orOpen(o.dataPath()) : new CifarDirectory(o.dataPath());
        BatchRange trainRange = OptionChecks.range("--train-range", or(o.trainRange(), TrainDefaults.TRAIN_RANGE));
        BatchRange testRange = OptionChecks.range("--test-range", or(o.testRange(), TrainDefaults.TEST_RANGE));
        if (!needCheckpoint) {
            OptionChecks.requireBatches("--train-range", trainRange, source);
            OptionChecks.warnOverlap(trainRange, testRange, warn);
        }
        if (!dataOptional) {
            OptionChecks.requireBatches("--test-range", testRange, source);
        }
        DType dtype = OptionChecks.dtype(or(o.dtype(), TrainDefaults.DTYPE));
        long seed = o.seed() != null ? o.seed() : System.nanoTime();
        double[] mean;
        NetSource layerDef;
        NetSource layerParams;
        if (cp.isPresent()) {
            mean = cp.get().dataMean();
            layerDef = new NetSource(cp.get().layerDefName(), cp.get().layerDefText());
            layerParams = reReadParams(o, cp.get(), warn);
        } else {
            // Exported weights carry the mean they were trained with: no need for the training batches then.
            Optional<double[]> exported = o.initFrom() != null && Files.isDirectory(o.initFrom())
                    ? WeightsIo.readDataMean(o.initFrom()) : Optional.empty();
            mean = exported.isPresent() ? exported.get() : DataMean.compute(source, trainRange.batches());
            boolean demoNet = embedded && o.layerDef() == null;
            layerDef = demoNet ? EmbeddedDemo.layerDef() : NetCatalog.layerDef(or(o.layerDef(), TrainDefaults.LAYER_DEF));
            layerParams = o.layerParams() != null ? NetSource.file(Path.of(o.layerParams()))
                    : demoNet ? EmbeddedDemo.layerParams() : NetCatalog.layerParamsFor(or(o.layerDef(), TrainDefaults.LAYER_DEF));
        }
        DataProvider provider = OptionChecks.provider(or(o.dataProvider(), TrainDefaults.DATA_PROVIDER), mean,
                or(o.cropBorder(), TrainDefaults.CROP_BORDER));
        NetDefinition def = NetDefinition.load(layerDef, layerParams, provider.dims(), plugins, NetDefinition.Options.strict());
        int epochs = or(o.epochs(), embedded ? TrainDefaults.EMBEDDED_EPOCHS : TrainDefaults.EPOCHS);
        LrSchedule schedule = OptionChecks.lrSchedule(o.lrSchedule(), epochs, given.lrSchedule() == null && cp.isPresent());
        if (cp.isPresent() && !schedule.isEmpty() && !needCheckpoint) {
            warnParamsEditedUnderSchedule(cp.get(), layerParams, schedule, warn);
        }
        boolean multiview = or(o.multiviewTest(), TrainDefaults.MULTIVIEW_TEST);
        OptionChecks.requireMultiviewFits(multiview, provider);
        OptionChecks.requireLogreg(def, o.logregName());
        return new ResolvedRun(o, cp, embedded, source, trainRange, testRange, dtype, seed, mean, layerDef, layerParams,
                provider, def, or(o.mini(), embedded ? TrainDefaults.EMBEDDED_MINI : TrainDefaults.MINI),
                epochs, or(o.testFreq(), embedded ? trainRange.size() : TrainDefaults.TEST_FREQ),
                or(o.testOne(), TrainDefaults.TEST_ONE), multiview,
                saveDir(given, o), schedule);
    }

    /**
     * Fails with an {@link InvalidOptionException} naming {@code option} unless the net has a layer
     * {@code name} whose type is one of {@code types} (any type when none is given); for checks of
     * options that name layers, before the net is built on a backend.
     */
    public void requireLayer(String option, String name, String... types) {
        java.util.List<String> names = def.layers().stream().map(org.jconvnet.api.layer.Layer::name).toList();
        if (!names.contains(name)) {
            throw new InvalidOptionException(option + " " + name + ": the net has no such layer; its layers: "
                    + String.join(", ", names));
        }
        String type = def.layer(name).type();
        if (types.length > 0 && java.util.Arrays.stream(types).noneMatch(t -> t.endsWith(".") ? type.startsWith(t)
                : type.equals(t))) {
            java.util.List<String> fitting = def.layers().stream().filter(l -> java.util.Arrays.stream(types)
                    .anyMatch(t -> t.endsWith(".") ? l.type().startsWith(t) : l.type().equals(t)))
                    .map(org.jconvnet.api.layer.Layer::name).toList();
            throw new InvalidOptionException(option + " " + name + ": it is a " + type + " layer, not "
                    + String.join(" or ", java.util.Arrays.stream(types).map(t -> t.endsWith(".") ? t + "*" : t).toList())
                    + (fitting.isEmpty() ? "; the net has none" : "; the net's: " + String.join(", ", fitting)));
        }
    }

    /**
     * The batch range {@code text} checked against the data, as {@code --test-range} is when a run
     * resolves: for evaluations of ranges chosen after the run was resolved.
     *
     * @param option names the range in messages
     * @param text   the range, e.g. {@code 6} or {@code 1-5}
     * @return the parsed range
     * @throws InvalidOptionException when the text is no range or the data lacks one of its batches
     */
    public BatchRange checkedRange(String option, String text) {
        BatchRange range = OptionChecks.range(option, text);
        if (source instanceof UnreadableData missing) {
            throw new InvalidOptionException(option + " " + text + ": " + missing.reason());
        }
        OptionChecks.requireBatches(option, range, source);
        return range;
    }

    private static <T> T or(T given, T otherwise) {
        return given != null ? given : otherwise;
    }

    /** A resumed run saves beside the checkpoint it loaded; a new one in a fresh, time-stamped directory. */
    private static Path saveDir(TrainOptions given, TrainOptions o) {
        Path from = given.loadFrom();
        if (from != null) {
            return runDirOf(from);
        }
        return or(o.savePath(), Path.of(TrainDefaults.SAVE_PATH)).resolve(or(o.saveName(),
                TrainDefaults.SAVE_NAME_PREFIX + LocalDateTime.now().format(DateTimeFormatter.ofPattern(TrainDefaults.SAVE_NAME_TIME))));
    }

    /** The run directory of {@code -f FROM}: FROM itself, or its parent when FROM is one checkpoint directory. */
    public static Path runDirOf(Path from) {
        return Files.isRegularFile(from.resolve(CheckpointLayout.MANIFEST)) ? from.toAbsolutePath().getParent() : from;
    }

    /** cuda-convnet re-reads the layer-params file on every start, including resume. */
    private static NetSource reReadParams(TrainOptions o, Checkpoint cp, Consumer<String> warn) {
        if (o.layerParams() != null && Files.isRegularFile(Path.of(o.layerParams()))) {
            return NetSource.file(Path.of(o.layerParams()));
        }
        Path saved = Path.of(cp.layerParamsName());
        if (Files.isRegularFile(saved)) {
            return NetSource.file(saved);
        }
        if (EmbeddedDemo.PARAMS.equals(cp.layerParamsName())) {
            return EmbeddedDemo.layerParams();
        }
        String defName = or(o.layerDef(), cp.layerDefName());
        if (NetCatalog.names().contains(defName.replace(".cfg", ""))) {
            return NetCatalog.layerParamsFor(defName);
        }
        warn.accept("cannot re-read " + cp.layerParamsName() + "; using the copy saved in the checkpoint");
        return new NetSource(cp.layerParamsName(), cp.layerParamsText());
    }

    /**
     * A resumed run whose layer-params file was edited since the checkpoint while a schedule is in
     * force gets both: the edited rates times the schedule's factor. That is the rule, and it is
     * what the user asked for only when the edit was not meant to replace the schedule: say so.
     */
    private static void warnParamsEditedUnderSchedule(Checkpoint cp, NetSource params, LrSchedule schedule,
                                                      Consumer<String> warn) {
        if (!params.text().equals(cp.layerParamsText())) {
            warn.accept(params.name() + " differs from the layer-params of checkpoint " + cp.name()
                    + " and --lr-schedule " + schedule.text() + " is in force: each rate is the file's value times "
                    + "the schedule's factor; give --lr-schedule none to use the file's rates alone");
        }
    }

    /** The options a checkpoint of this run keeps: the given ones with the defaults it trains under filled in. */
    public ObjectNode savedOptions() {
        return options.overriddenBy(TrainOptions.builder().seed(seed).epochs(epochs).testFreq(testFreq).mini(mini)
                .testOne(testOne).lrSchedule(options.lrSchedule() == null ? null : lrSchedule.text()).build()).toSaved();
    }

    /** The training loop's settings. */
    public TrainerConfig trainerConfig() {
        return new TrainerConfig(provider, source, trainRange, testRange, mini, testFreq, epochs, testOne, seed, lrSchedule);
    }
}
