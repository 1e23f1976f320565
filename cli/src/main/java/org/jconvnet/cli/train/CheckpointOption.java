package org.jconvnet.cli.train;

import java.nio.file.Path;
import org.jconvnet.cli.options.InputDir;
import picocli.CommandLine.Option;

/** The required {@code -f DIR} of the commands that evaluate a trained model (test, features, show, export-weights). */
public final class CheckpointOption {
    @Option(names = "-f", required = true, paramLabel = "DIR", converter = InputDir.class,
            description = "Checkpoint directory (<save-path>/<save-name> of a train run, or one of its numbered "
                    + "checkpoints inside).")
    Path dir;
}
