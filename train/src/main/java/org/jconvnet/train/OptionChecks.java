package org.jconvnet.train;

import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.stream.Collectors;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.api.config.ConfigException;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.layers.net.NetCatalog;
import org.jconvnet.layers.net.NetDefinition;
import org.jconvnet.train.checkpoint.Checkpoint;
import org.jconvnet.train.data.BatchRange;
import org.jconvnet.train.data.BatchSource;
import org.jconvnet.train.data.CroppedCifarProvider;
import org.jconvnet.train.data.DataProvider;
import org.jconvnet.train.data.DataProviders;
import org.jconvnet.train.solver.LrSchedule;

/**
 * The checks {@link ResolvedRun} makes of option values against the data, the net and the
 * checkpoint, each failing with an {@link InvalidOptionException} that names the option. They run
 * while the run is resolved, so before any backend starts or any file is written; values saved in a
 * checkpoint go through them too.
 */
final class OptionChecks {
    private OptionChecks() {
    }

    static BatchRange range(String option, String text) {
        try {
            return BatchRange.parse(option, text);
        } catch (JConvNetException e) {
            throw new InvalidOptionException(e.getMessage());
        }
    }

    static DType dtype(String text) {
        try {
            return DType.parse(text);
        } catch (JConvNetException e) {
            throw new InvalidOptionException("--dtype: " + e.getMessage());
        }
    }

    static DataProvider provider(String name, double[] mean, int cropBorder) {
        try {
            return DataProviders.create(name, mean, cropBorder);
        } catch (IllegalArgumentException | JConvNetException e) {
            throw new InvalidOptionException(e.getMessage());
        }
    }

    /**
     * {@code --lr-schedule}: its form (already checked while parsing the command line, but a
     * checkpoint's saved value comes through here too), and no step after the last epoch trained:
     * a step at EPOCHS = {@code --epochs} is allowed (it applies to the run's last batch, the first
     * of epoch {@code epochs+1}, and to a resume that trains on), one beyond is a mistake.
     *
     * @param fromCheckpoint the value is the checkpoint's (not given now), which the message says
     */
    static LrSchedule lrSchedule(String text, int epochs, boolean fromCheckpoint) {
        if (text == null) {
            return LrSchedule.none();
        }
        String where = "--lr-schedule " + text + (fromCheckpoint ? " (saved in the checkpoint)" : "");
        LrSchedule s;
        try {
            s = LrSchedule.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidOptionException(where + ": " + e.getMessage());
        }
        if (s.lastStepEpochs() > epochs) {
            throw new InvalidOptionException(where + ": the step after " + s.lastStepEpochs() + " epochs is beyond "
                    + "--epochs " + epochs + ", so it would never apply; raise --epochs or drop the step"
                    + (fromCheckpoint ? " (or give --lr-schedule again to replace the saved one)" : ""));
        }
        return s;
    }

    /** Every batch of {@code range} must be in the data. */
    static void requireBatches(String option, BatchRange range, BatchSource source) {
        SortedSet<Integer> have = source.available();
        List<Integer> missing = range.batches().stream().filter(b -> !have.contains(b)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidOptionException(option + " " + range.text() + ": the data has no batch "
                    + join(missing) + "; it holds batch" + (have.size() == 1 ? " " : "es ") + join(have)
                    + " (" + source.describe() + ")");
        }
    }

    /** Testing on training batches measures how well the net remembers, not how it generalises: say so. */
    static void warnOverlap(BatchRange train, BatchRange test, java.util.function.Consumer<String> warn) {
        List<Integer> shared = test.batches().stream().filter(train.batches()::contains).toList();
        if (!shared.isEmpty()) {
            warn.accept("--train-range " + train.text() + " and --test-range " + test.text() + " share batch"
                    + (shared.size() == 1 ? " " : "es ") + join(shared) + ": the test error is then measured on "
                    + "training data");
        }
    }

    static void requireMultiviewFits(boolean multiview, DataProvider provider) {
        if (multiview && !(provider instanceof CroppedCifarProvider)) {
            throw new InvalidOptionException("--multiview-test needs --data-provider=cifar-cropped (the 10 views are crops)");
        }
    }

    static void requireLogreg(NetDefinition def, String logregName) {
        if (logregName != null && def.layers().stream().noneMatch(l -> l.name().equals(logregName))) {
            throw new InvalidOptionException("--logreg-name " + logregName + ": the net has no such layer; layers: "
                    + def.layers().stream().map(l -> l.name()).collect(Collectors.joining(", ")));
        }
    }

    /**
     * Options given now that would change the net or its input conflict with a checkpoint: its
     * weights only fit the net and the input size it was trained with.
     */
    static void requireCheckpointMatch(TrainOptions given, Checkpoint cp) {
        String dir = String.valueOf(given.loadFrom());
        if (given.layerDef() != null && !sameNet(given.layerDef(), cp)) {
            throw new InvalidOptionException("--layer-def " + given.layerDef() + " conflicts with checkpoint " + dir
                    + ", which was trained with the net " + cp.layerDefName()
                    + "; leave --layer-def out to use the checkpoint's net (or start a new run without -f)");
        }
        TrainOptions saved = TrainOptions.none().over(cp.options());
        String savedProvider = Objects.requireNonNullElse(saved.dataProvider(), TrainDefaults.DATA_PROVIDER);
        if (given.dataProvider() != null && !given.dataProvider().equals(savedProvider)) {
            throw new InvalidOptionException("--data-provider " + given.dataProvider() + " conflicts with checkpoint " + dir
                    + ", which was trained with --data-provider " + savedProvider + " (the input size differs); "
                    + "leave --data-provider out");
        }
        int savedBorder = Objects.requireNonNullElse(saved.cropBorder(), TrainDefaults.CROP_BORDER);
        if (given.cropBorder() != null && given.cropBorder() != savedBorder && !"cifar".equals(savedProvider)) {
            throw new InvalidOptionException("--crop-border " + given.cropBorder() + " conflicts with checkpoint " + dir
                    + ", which was trained with --crop-border " + savedBorder + " (the input size differs); "
                    + "leave --crop-border out");
        }
    }

    private static boolean sameNet(String layerDef, Checkpoint cp) {
        try {
            return NetCatalog.layerDef(layerDef).text().equals(cp.layerDefText())
                    || layerDef.equals(cp.layerDefName());
        } catch (ConfigException e) {
            return false;
        }
    }

    private static String join(java.util.Collection<Integer> batches) {
        return batches.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
