package org.jconvnet.cli.train;

import org.jconvnet.cli.options.LayerName;
import org.jconvnet.train.TrainOptions;
import picocli.CommandLine.Option;

/** {@code --logreg-name}, for the commands that test a model (train, test). */
public final class LogregOption {
    @Option(names = "--logreg-name", paramLabel = "LAYER", converter = LayerName.class, description = "The cost.logreg layer for multiview tests and predictions.")
    String logregName;

    /** Sets this option on {@code b}. */
    TrainOptions.Builder applyTo(TrainOptions.Builder b) {
        return b.logregName(logregName);
    }
}
