package org.jconvnet.cli.train;

import org.jconvnet.cli.options.BatchRangeText;
import org.jconvnet.cli.options.CropBorder;
import org.jconvnet.cli.options.NetName;
import org.jconvnet.cli.options.ProviderName;
import org.jconvnet.train.TrainDefaults;
import org.jconvnet.train.TrainOptions;
import picocli.CommandLine.Option;

/**
 * What shapes a model while it trains: the net, its input, the training batches and the seed.
 * Only {@code train} offers them; the commands that evaluate a checkpoint take all of this from
 * the checkpoint (on resume, the net and input options that differ from it are refused).
 */
public final class NewModelOptions {
    @Option(names = "--layer-def", paramLabel = "NET", converter = NetName.class,
            description = "Layer definition: a shipped net (layers-conv-local-11pct, layers-18pct, "
                    + "layers-conv-local-13pct) or a .cfg file. Default: the seed net " + TrainDefaults.LAYER_DEF + ".")
    String layerDef;

    @Option(names = "--data-provider", paramLabel = "NAME", converter = ProviderName.class, description = "cifar (32x32) or cifar-cropped (24x24 crops). Default: "
            + TrainDefaults.DATA_PROVIDER + ".")
    String dataProvider;

    @Option(names = "--crop-border", paramLabel = "B", converter = CropBorder.class, description = "Crop border of cifar-cropped (default " + TrainDefaults.CROP_BORDER + ").")
    Integer cropBorder;

    @Option(names = "--train-range", paramLabel = "A-B", converter = BatchRangeText.class, description = "Training batches, e.g. " + TrainDefaults.TRAIN_RANGE
            + " (default) or 1-4.")
    String trainRange;

    @Option(names = "--seed", paramLabel = "N", description = "Seed for weight initialisation and crops (reproducible CPU runs).")
    Long seed;

    /** Sets these options on {@code b}. */
    TrainOptions.Builder applyTo(TrainOptions.Builder b) {
        return b.layerDef(layerDef).dataProvider(dataProvider).cropBorder(cropBorder).trainRange(trainRange).seed(seed);
    }
}
