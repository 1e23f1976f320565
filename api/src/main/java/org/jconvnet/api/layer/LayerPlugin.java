package org.jconvnet.api.layer;

import java.util.List;

/**
 * Handles one cuda-convnet layer {@code type=}, found by {@link java.util.ServiceLoader}.
 *
 * <p>{@link #configure} validates the section and every input shape before anything runs, and
 * reports problems as {@link org.jconvnet.api.config.ConfigException}s naming file, section and
 * key. The plugin also lists the {@link LayerCase}s that certify its kernels on every backend.
 */
public interface LayerPlugin {

    /** {@return the plugin API version this plugin was compiled against: return {@code ApiVersion.CURRENT}} */
    int apiVersion();

    /**
     * The {@code type=} value handled, e.g. {@code conv} or {@code cost.logreg}.
     *
     * @return the {@code type=} value handled, e.g. {@code conv} or {@code cost.logreg}
     */
    String type();

    /**
     * Builds the layer from its configuration.
     *
     * @param config the layer's sections, its inputs and the data dimensions
     * @return the configured layer
     * @throws org.jconvnet.api.config.ConfigException for any bad key, value or input shape
     */
    Layer configure(LayerConfig config);

    /** {@return the conformance cases for this layer type (may be empty for layers with no kernels)} */
    default List<LayerCase> conformanceCases() {
        return List.of();
    }
}
