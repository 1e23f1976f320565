package org.jconvnet.cli.train;

import org.jconvnet.cli.options.DTypeName;
import org.jconvnet.train.TrainDefaults;
import org.jconvnet.train.TrainOptions;
import picocli.CommandLine.Option;

/** {@code --dtype}, for every command that builds a net on a backend (train, test, features, show). */
public final class DTypeOption {
    @Option(names = "--dtype", paramLabel = "T", converter = DTypeName.class, description = TrainDefaults.DTYPE + " (default, as cuda-convnet) or float64.")
    String dtype;

    /** Sets this option on {@code b}. */
    TrainOptions.Builder applyTo(TrainOptions.Builder b) {
        return b.dtype(dtype);
    }
}
