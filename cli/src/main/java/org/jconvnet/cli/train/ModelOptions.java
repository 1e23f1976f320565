package org.jconvnet.cli.train;

import java.nio.file.Path;
import org.jconvnet.train.TrainDefaults;
import org.jconvnet.train.TrainOptions;
import picocli.CommandLine.Option;

/**
 * Options shared by every command that loads data and a net, named as cuda-convnet's
 * {@code convnet.py} options. Unset options stay unset, so a checkpoint's saved values apply; the
 * defaults the help texts state are read from {@link TrainDefaults}, the table the run applies.
 */
public final class ModelOptions {
    @Option(names = "--data-path", paramLabel = "DIR",
            description = "CIFAR-10 binary batches (data_batch_1..5.bin, test_batch.bin, optionally .gz). "
                    + "Default: the embedded synthetic data set.")
    Path dataPath;

    @Option(names = "--layer-def", paramLabel = "NET",
            description = "Layer definition: a shipped net (layers-conv-local-11pct, layers-18pct, "
                    + "layers-conv-local-13pct) or a .cfg file. Default: the seed net " + TrainDefaults.LAYER_DEF + ".")
    String layerDef;

    @Option(names = "--layer-params", paramLabel = "FILE",
            description = "Layer parameter file (re-read on resume). Default: the one alongside --layer-def.")
    String layerParams;

    @Option(names = "--data-provider", paramLabel = "NAME", description = "cifar (32x32) or cifar-cropped (24x24 crops). Default: "
            + TrainDefaults.DATA_PROVIDER + ".")
    String dataProvider;

    @Option(names = "--train-range", paramLabel = "A-B", description = "Training batches, e.g. " + TrainDefaults.TRAIN_RANGE
            + " (default) or 1-4.")
    String trainRange;

    @Option(names = "--test-range", paramLabel = "A-B", description = "Test batches, e.g. " + TrainDefaults.TEST_RANGE + " (default) or 5.")
    String testRange;

    @Option(names = "--mini", paramLabel = "N", description = "Minibatch size (default " + TrainDefaults.MINI + "; "
            + TrainDefaults.EMBEDDED_MINI + " on the embedded data set).")
    Integer mini;

    @Option(names = "-f", paramLabel = "DIR", description = "Checkpoint directory to resume from / evaluate.")
    Path loadFrom;

    @Option(names = "--init-from", paramLabel = "DIR",
            description = "Initial weights from DIR/<layer>.weights.npy and <layer>.biases.npy (cuda-convnet shapes).")
    Path initFrom;

    @Option(names = "--seed", paramLabel = "N", description = "Seed for weight initialisation and crops (reproducible CPU runs).")
    Long seed;

    @Option(names = "--dtype", paramLabel = "T", description = TrainDefaults.DTYPE + " (default, as cuda-convnet) or float64.")
    String dtype;

    @Option(names = "--crop-border", paramLabel = "B", description = "Crop border of cifar-cropped (default " + TrainDefaults.CROP_BORDER + ").")
    Integer cropBorder;

    @Option(names = "--logreg-name", paramLabel = "LAYER", description = "The cost.logreg layer for multiview tests and predictions.")
    String logregName;

    /** The options as a builder. */
    TrainOptions.Builder builder() {
        return TrainOptions.builder().dataPath(dataPath).layerDef(layerDef).layerParams(layerParams)
                .dataProvider(dataProvider).trainRange(trainRange).testRange(testRange).mini(mini).loadFrom(loadFrom)
                .initFrom(initFrom).seed(seed).dtype(dtype).cropBorder(cropBorder).logregName(logregName);
    }
}
