package org.jconvnet.cli.train;

import java.nio.file.Path;
import org.jconvnet.cli.options.BatchRangeText;
import org.jconvnet.cli.options.Count;
import org.jconvnet.cli.options.CropBorder;
import org.jconvnet.cli.options.DTypeName;
import org.jconvnet.cli.options.InputDir;
import org.jconvnet.cli.options.LayerName;
import org.jconvnet.cli.options.NetName;
import org.jconvnet.cli.options.ParamsName;
import org.jconvnet.cli.options.ProviderName;
import org.jconvnet.train.TrainDefaults;
import org.jconvnet.train.TrainOptions;
import picocli.CommandLine.Option;

/**
 * Options shared by every command that loads data and a net, named as cuda-convnet's
 * {@code convnet.py} options. Unset options stay unset, so a checkpoint's saved values apply; the
 * defaults the help texts state are read from {@link TrainDefaults}, the table the run applies.
 * {@code -f} is not here: {@code train} takes it optionally (resume), the commands that evaluate a
 * trained model require it ({@link CheckpointOption}). Every value is checked while parsing (the
 * converters of {@code org.jconvnet.cli.options}).
 */
public final class ModelOptions {
    @Option(names = "--data-path", paramLabel = "DIR", converter = InputDir.class,
            description = "CIFAR-10 binary batches (data_batch_1..5.bin, test_batch.bin, optionally .gz). "
                    + "Default: the embedded synthetic data set.")
    Path dataPath;

    @Option(names = "--layer-def", paramLabel = "NET", converter = NetName.class,
            description = "Layer definition: a shipped net (layers-conv-local-11pct, layers-18pct, "
                    + "layers-conv-local-13pct) or a .cfg file. Default: the seed net " + TrainDefaults.LAYER_DEF + ".")
    String layerDef;

    @Option(names = "--layer-params", paramLabel = "FILE", converter = ParamsName.class,
            description = "Layer parameter file (re-read on resume). Default: the one alongside --layer-def.")
    String layerParams;

    @Option(names = "--data-provider", paramLabel = "NAME", converter = ProviderName.class, description = "cifar (32x32) or cifar-cropped (24x24 crops). Default: "
            + TrainDefaults.DATA_PROVIDER + ".")
    String dataProvider;

    @Option(names = "--train-range", paramLabel = "A-B", converter = BatchRangeText.class, description = "Training batches, e.g. " + TrainDefaults.TRAIN_RANGE
            + " (default) or 1-4.")
    String trainRange;

    @Option(names = "--test-range", paramLabel = "A-B", converter = BatchRangeText.class, description = "Test batches, e.g. " + TrainDefaults.TEST_RANGE + " (default) or 5.")
    String testRange;

    @Option(names = "--mini", paramLabel = "N", converter = Count.class, description = "Minibatch size (default " + TrainDefaults.MINI + "; "
            + TrainDefaults.EMBEDDED_MINI + " on the embedded data set).")
    Integer mini;

    @Option(names = "--seed", paramLabel = "N", description = "Seed for weight initialisation and crops (reproducible CPU runs).")
    Long seed;

    @Option(names = "--dtype", paramLabel = "T", converter = DTypeName.class, description = TrainDefaults.DTYPE + " (default, as cuda-convnet) or float64.")
    String dtype;

    @Option(names = "--crop-border", paramLabel = "B", converter = CropBorder.class, description = "Crop border of cifar-cropped (default " + TrainDefaults.CROP_BORDER + ").")
    Integer cropBorder;

    @Option(names = "--logreg-name", paramLabel = "LAYER", converter = LayerName.class, description = "The cost.logreg layer for multiview tests and predictions.")
    String logregName;

    /** The options as a builder. */
    TrainOptions.Builder builder() {
        return TrainOptions.builder().dataPath(dataPath).layerDef(layerDef).layerParams(layerParams)
                .dataProvider(dataProvider).trainRange(trainRange).testRange(testRange).mini(mini).seed(seed).dtype(dtype).cropBorder(cropBorder).logregName(logregName);
    }
}
