package org.jconvnet.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jconvnet.api.layer.LayerPluginRegistry;
import org.jconvnet.layers.net.NetCatalog;
import org.jconvnet.layers.net.NetDefinition;
import org.jconvnet.layers.net.NetSource;

/**
 * Resolves cuda-convnet's {@code --layer-def} / {@code --layer-params} values and builds the
 * {@link NetDefinition}; shared by every command that reads a net.
 */
public final class NetFiles {
    private NetFiles() {
    }

    /**
     * The layer-parameter source: the given file, else a shipped {@code layer-params-X} name, else
     * (when {@code layerParams} is null) the file that goes with the layer definition.
     */
    public static NetSource layerParams(String layerDef, String layerParams) {
        if (layerParams == null) {
            return NetCatalog.layerParamsFor(layerDef);
        }
        Path p = Path.of(layerParams);
        if (Files.isRegularFile(p)) {
            return NetSource.file(p);
        }
        // A shipped parameter file by name: layer-params-X goes with the shipped net layers-X.
        String base = layerParams.endsWith(".cfg") ? layerParams.substring(0, layerParams.length() - 4) : layerParams;
        if (base.startsWith("layer-params-") && NetCatalog.names().contains("layers-" + base.substring(13))) {
            return NetCatalog.layerParamsFor("layers-" + base.substring(13));
        }
        throw new UsageException("--layer-params: '" + layerParams + "' is not a file nor a shipped parameter file");
    }

    /** Parses and validates the net (strictly: every layer must be used). */
    public static NetDefinition load(String layerDef, String layerParams, DataProviderChoice data,
                                     LayerPluginRegistry plugins) {
        NetSource def = NetCatalog.layerDef(layerDef);
        return NetDefinition.load(def, layerParams(layerDef, layerParams), data.dims(), plugins,
                NetDefinition.Options.strict());
    }
}
