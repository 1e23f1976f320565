package org.jconvnet.cli.train;

import java.nio.file.Path;
import org.jconvnet.cli.options.BatchRangeText;
import org.jconvnet.cli.options.InputDir;
import org.jconvnet.train.TrainDefaults;
import org.jconvnet.train.TrainOptions;
import picocli.CommandLine.Option;

/**
 * The data a model is run on: options of every command that runs a net over CIFAR-10 test
 * batches (train, test, features, show), named as cuda-convnet's {@code convnet.py} options.
 * Unset options stay unset, so a checkpoint's saved values apply; the defaults the help texts
 * state are read from {@link TrainDefaults}. Every value is checked while parsing.
 */
public final class DataOptions {
    @Option(names = "--data-path", paramLabel = "DIR", converter = InputDir.class,
            description = "CIFAR-10 binary batches (data_batch_1..5.bin, test_batch.bin, optionally .gz). "
                    + "Default: the embedded synthetic data set.")
    Path dataPath;

    @Option(names = "--test-range", paramLabel = "A-B", converter = BatchRangeText.class, description = "Test batches, e.g. " + TrainDefaults.TEST_RANGE + " (default) or 5.")
    String testRange;

    /** Sets these options on {@code b}. */
    TrainOptions.Builder applyTo(TrainOptions.Builder b) {
        return b.dataPath(dataPath).testRange(testRange);
    }
}
