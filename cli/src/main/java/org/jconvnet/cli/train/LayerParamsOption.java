package org.jconvnet.cli.train;

import org.jconvnet.cli.options.ParamsName;
import org.jconvnet.train.TrainOptions;
import picocli.CommandLine.Option;

/**
 * {@code --layer-params}: cuda-convnet re-reads the layer parameter file on every start, resume and
 * evaluation included, so every command that builds a net from a checkpoint offers it.
 */
public final class LayerParamsOption {
    @Option(names = "--layer-params", paramLabel = "FILE", converter = ParamsName.class,
            description = "Layer parameter file (re-read on resume). Default: the one alongside --layer-def.")
    String layerParams;

    /** Sets this option on {@code b}. */
    TrainOptions.Builder applyTo(TrainOptions.Builder b) {
        return b.layerParams(layerParams);
    }
}
