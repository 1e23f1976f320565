package org.jconvnet.api.layer;

import java.util.List;
import java.util.Optional;
import org.jconvnet.api.config.ConfigException;
import org.jconvnet.api.config.ConfigSection;

/**
 * Everything a {@link LayerPlugin} needs to configure one layer.
 *
 * @param definition the layer's section of the layer-definition file (after {@code neuron=}
 *                   detaching and input rewiring)
 * @param params     the layer's section of the layer-parameter file, if the file has one
 * @param paramsFile path of the layer-parameter file, for error messages
 * @param inputs     the layers named by {@code inputs=}, in order
 * @param dataDims   the data provider's dimensions, for {@code type=data}
 */
public record LayerConfig(ConfigSection definition, Optional<ConfigSection> params, String paramsFile,
                          List<LayerInput> inputs, DataDims dataDims) {

    /**
     * Copies the input list.
     *
     * @param definition the layer's section of the layer-definition file (after {@code neuron=}
     *     detaching and input rewiring)
     * @param params the layer's section of the layer-parameter file, if the file has one
     * @param paramsFile path of the layer-parameter file, for error messages
     * @param inputs the layers named by {@code inputs=}, in order
     * @param dataDims the data provider's dimensions, for {@code type=data}
     */
    public LayerConfig {
        inputs = List.copyOf(inputs);
    }

    /** {@return the layer's name} */
    public String name() {
        return definition.name();
    }

    /**
     * The layer-params section, which this layer type requires (cuda-convnet.md §4.3).
     *
     * @return the layer-params section
     * @throws ConfigException naming the params file and the missing section
     */
    public ConfigSection requireParams() {
        return params.orElseThrow(() -> new ConfigException(paramsFile, definition.name(), null,
                "layer type '" + definition.string("type", "?") + "' needs a section ["
                        + definition.name() + "] in the layer-parameter file, and there is none"));
    }

    /**
     * An error located at {@code key} of the definition section.
     *
     * @param key the key the problem is at
     * @param problem what is wrong
     * @return an error located at {@code key} of the definition section
     */
    public ConfigException error(String key, String problem) {
        return definition.error(key, problem);
    }
}
