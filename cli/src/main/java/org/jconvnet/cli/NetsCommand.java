package org.jconvnet.cli;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.api.layer.LayerPluginRegistry;
import org.jconvnet.api.layer.ParamSpec;
import org.jconvnet.layers.net.NetCatalog;
import org.jconvnet.layers.net.NetDefinition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code jconvnet nets}: the nets shipped with jconvnet, usable by name with {@code --layer-def},
 * each with the input size it is built for, its layer count and its parameter count. Starts no backend.
 */
@Command(name = "nets", mixinStandardHelpOptions = true,
        description = "List the shipped nets (use them by name with --layer-def): the data provider whose input size "
                + "each is built for, the number of layers and of parameters. Starts no backend.",
        footer = {"", "Examples:", "  jconvnet nets", "  jconvnet describe --layer-def layers-18pct"})
public final class NetsCommand implements Callable<Integer>, StartsNoBackend {
    private final Provider<LayerPluginRegistry> plugins;

    @Spec
    private CommandSpec spec;

    /** Creates the command; plugins are discovered only when it runs. */
    @Inject
    public NetsCommand(Provider<LayerPluginRegistry> plugins) {
        this.plugins = plugins;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String fmt = "%-26s  %-14s  %6s  %10s%n";
        out.printf(fmt, "NET", "DATA-PROVIDER", "LAYERS", "PARAMETERS");
        for (String name : NetCatalog.names()) {
            Built b = build(name);
            long params = b.net().layers().stream().flatMap(l -> l.params().stream()).mapToLong(ParamSpec::size).sum();
            out.printf(fmt, name + (name.equals(NetCatalog.SEED) ? " (seed)" : ""), b.provider().cliName(),
                    b.net().layers().size(), params);
        }
        out.println();
        out.println("Each comes with its layer-params file (layer-params-X for layers-X); see 'jconvnet describe --layer-def NET'.");
        out.flush();
        return ExitCodes.OK;
    }

    private record Built(DataProviderChoice provider, NetDefinition net) {
    }

    /** The net on the first data provider whose input size it fits (a shipped net fits exactly one). */
    private Built build(String name) {
        JConvNetException last = null;
        for (DataProviderChoice p : DataProviderChoice.values()) {
            try {
                return new Built(p, NetFiles.load(name, null, p, plugins.get()));
            } catch (JConvNetException e) {
                last = e;
            }
        }
        throw last;
    }
}
