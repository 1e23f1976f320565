package org.jconvnet.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * THE ONE PLACE where the subcommands of {@code jconvnet} are registered.
 *
 * <p>To add a command, write its class (see the package documentation) and add one
 * {@code commands.add(YourCommand.class);} line in {@link #all()}, in the block for your area.
 * The blocks are separated so that helpers adding commands at the same time do not produce merge
 * conflicts. The order here is the order of {@code jconvnet --help}.
 */
public final class Subcommands {
    private Subcommands() {
    }

    /** Every subcommand class, in help order. Each is instantiated through Guice. */
    public static List<Class<?>> all() {
        List<Class<?>> commands = new ArrayList<>();

        // --- training and data (org.jconvnet.cli.train): train, test, features, export-weights,
        //     show, data, bench. Add them below this line. ---
        commands.add(org.jconvnet.cli.train.TrainCommand.class);
        commands.add(org.jconvnet.cli.train.TestCommand.class);
        commands.add(org.jconvnet.cli.train.FeaturesCommand.class);
        commands.add(org.jconvnet.cli.train.ExportWeightsCommand.class);
        commands.add(org.jconvnet.cli.train.ShowCommand.class);
        commands.add(org.jconvnet.cli.train.DataCommand.class);
        commands.add(org.jconvnet.cli.train.BenchCommand.class);

        // --- inspection (org.jconvnet.cli) ---
        commands.add(BackendsCommand.class);
        commands.add(DescribeCommand.class);

        // --- conformance suite: add ConformanceCommand below this line. ---
        commands.add(org.jconvnet.cli.conformance.ConformanceCommand.class);

        return commands;
    }
}
