package org.jconvnet.cli;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jconvnet.api.layer.Layer;
import org.jconvnet.api.layer.LayerPluginRegistry;
import org.jconvnet.api.layer.ParamSpec;
import org.jconvnet.cli.options.NetName;
import org.jconvnet.cli.options.ParamsName;
import org.jconvnet.layers.net.NetCatalog;
import org.jconvnet.layers.net.NetDefinition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jconvnet describe}: builds a net from its cuda-convnet files without touching a backend
 * and prints cuda-convnet's start-up lines ({@code Initialized ...}) followed by the parameter
 * count of every layer and of the whole net. A quick check of a {@code .cfg} and of plugins.
 */
@Command(name = "describe", mixinStandardHelpOptions = true,
        description = "Parse and validate a net: print cuda-convnet's 'Initialized ...' lines, then the "
                + "parameter count per layer and in total. Starts no backend.",
        footer = {"", "Examples:", "  jconvnet describe --layer-def layers-18pct",
                "  jconvnet describe --layer-def my-net.cfg --layer-params my-params.cfg --data-provider cifar-cropped"})
public final class DescribeCommand implements Callable<Integer>, StartsNoBackend {
    private final Provider<LayerPluginRegistry> plugins;

    @Spec
    private CommandSpec spec;

    @Option(names = "--layer-def", required = true, paramLabel = "NAME|FILE", converter = NetName.class,
            description = "Layer-definition file, or a shipped net: ${COMPLETION-CANDIDATES}.",
            completionCandidates = ShippedNets.class)
    private String layerDef;

    @Option(names = "--layer-params", paramLabel = "FILE", converter = ParamsName.class,
            description = "Layer-parameter file (default: layer-params-X.cfg next to layers-X.cfg).")
    private String layerParams;

    @Option(names = "--data-provider", paramLabel = "NAME", defaultValue = "cifar",
            converter = DataProviderChoice.Converter.class, completionCandidates = DataProviderChoice.Names.class,
            description = "Data provider, which fixes the input size: ${COMPLETION-CANDIDATES} "
                    + "(default: ${DEFAULT-VALUE}; cifar is 32x32, cifar-cropped 24x24).")
    private DataProviderChoice dataProvider;

    /** Creates the command; plugins are discovered only when it runs. */
    @Inject
    public DescribeCommand(Provider<LayerPluginRegistry> plugins) {
        this.plugins = plugins;
    }

    @Override
    public Integer call() {
        NetDefinition net = NetFiles.load(layerDef, layerParams, dataProvider, plugins.get());
        PrintWriter out = spec.commandLine().getOut();
        net.initMessages().forEach(out::println);
        out.println();
        printParameterTable(out, net.layers());
        out.flush();
        return ExitCodes.OK;
    }

    private static void printParameterTable(PrintWriter out, List<Layer> layers) {
        int nameW = Math.max(5, layers.stream().mapToInt(l -> l.name().length()).max().orElse(0));
        int typeW = Math.max(4, layers.stream().mapToInt(l -> l.type().length()).max().orElse(0));
        String fmt = "%-" + nameW + "s  %-" + typeW + "s  %12s  %s%n";
        out.printf(fmt, "LAYER", "TYPE", "PARAMETERS", "SHAPES");
        long total = 0;
        for (Layer l : layers) {
            long count = l.params().stream().mapToLong(ParamSpec::size).sum();
            total += count;
            String shapes = l.params().stream().map(p -> p.name() + " " + p.rows() + "x" + p.cols())
                    .collect(Collectors.joining(", "));
            out.printf(fmt, l.name(), l.type(), count, shapes.isEmpty() ? "-" : shapes);
        }
        out.println(String.format(fmt, "total", "", total, "").stripTrailing());
    }

    /** The shipped net names, for the help text. */
    static final class ShippedNets implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return NetCatalog.names().iterator();
        }
    }
}
