package org.jconvnet.cli.train;

import org.jconvnet.cli.options.Count;
import org.jconvnet.train.TrainDefaults;
import org.jconvnet.train.TrainOptions;
import picocli.CommandLine.Option;

/** {@code --mini}, for the commands that run the data through the net in minibatches (train, test, features). */
public final class MiniOption {
    @Option(names = "--mini", paramLabel = "N", converter = Count.class, description = "Minibatch size (default " + TrainDefaults.MINI + "; "
            + TrainDefaults.EMBEDDED_MINI + " on the embedded data set).")
    Integer mini;

    /** Sets this option on {@code b}. */
    TrainOptions.Builder applyTo(TrainOptions.Builder b) {
        return b.mini(mini);
    }
}
