package org.jconvnet.layers.data;

import java.util.List;
import java.util.Optional;
import org.jconvnet.api.ApiVersion;
import org.jconvnet.api.layer.Layer;
import org.jconvnet.api.layer.LayerConfig;
import org.jconvnet.api.layer.LayerPlugin;
import org.jconvnet.api.layer.LayerRun;
import org.jconvnet.layers.support.BaseLayer;

/**
 * {@code type=data} (cuda-convnet.md §3.1): key {@code dataIdx}, the index of the data provider's
 * matrix (0 = images, 1 = labels for CIFAR-10). Its size is the provider's; an {@code outputs} key
 * is optional and, when given, must equal it (cuda-convnet ignored it silently). It computes nothing: the net uploads the minibatch
 * into its output. It has no gradient of its own; with data gradients on, the net collects the
 * gradient at its output.
 */
public final class DataLayerPlugin implements LayerPlugin {

    @Override
    public int apiVersion() {
        return ApiVersion.CURRENT;
    }

    @Override
    public String type() {
        return "data";
    }

    @Override
    public Layer configure(LayerConfig c) {
        int idx = c.definition().integer("dataIdx");
        if (idx < 0) {
            throw c.error("dataIdx", "must not be negative, got " + idx);
        }
        int dims;
        try {
            dims = c.dataDims().dims(idx);
        } catch (IllegalArgumentException e) {
            throw c.error("dataIdx", e.getMessage());
        }
        if (dims <= 0) {
            throw c.error("dataIdx", "the data provider gives matrix " + idx + " " + dims + " rows");
        }
        if (c.definition().has("outputs")) {
            // cuda-convnet takes the size from the provider and ignores this key; a value that
            // disagrees is a mistake the user would otherwise never hear about.
            int outputs = c.definition().integer("outputs");
            if (outputs != dims) {
                throw c.error("outputs", "is " + outputs + ", but the data provider gives " + dims
                        + " rows for dataIdx=" + idx + "; remove the key or write outputs=" + dims);
            }
        }
        return new DataLayer(c.name(), dims, idx);
    }

    /** The data layer: forward and backward do nothing. */
    static final class DataLayer extends BaseLayer {
        private final int dataIdx;

        DataLayer(String name, int outputs, int dataIdx) {
            super(name, "data", outputs, null, vectorMessage("data", name, outputs), List.of(), List.of());
            this.dataIdx = dataIdx;
        }

        @Override
        public Optional<Integer> dataIndex() {
            return Optional.of(dataIdx);
        }

        @Override
        public void forward(LayerRun run) {
            // The net has already uploaded the minibatch into the output.
        }

        @Override
        public void backward(LayerRun run) {
            // Nothing below a data layer.
        }
    }
}
