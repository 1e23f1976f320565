package org.jconvnet.conformance.check;

import org.jconvnet.api.layer.LayerCase;
import org.jconvnet.api.layer.LayerPluginRegistry;
import org.jconvnet.layers.net.NetDefinition;

/**
 * A layer case's net as loaded when a per-case check is planned. A net that does not load is kept
 * as its error rather than thrown, so the check still plans its ops and reports that error on each
 * of them at run time instead of the whole suite failing at planning.
 */
final class LoadedCase {
    private final LayerCase layerCase;
    private final NetDefinition def;
    private final RuntimeException loadError;

    /** Loads the net of {@code layerCase}, a case of layer type {@code type}. */
    LoadedCase(String type, LayerCase layerCase, LayerPluginRegistry plugins) {
        this.layerCase = layerCase;
        NetDefinition d = null;
        RuntimeException err = null;
        try {
            d = CaseNets.load(type, layerCase, plugins);
        } catch (RuntimeException e) {
            err = e;
        }
        this.def = d;
        this.loadError = err;
    }

    /** The loaded net, or null when it did not load. */
    NetDefinition def() {
        return def;
    }

    /** Why the net did not load, or null when it did. */
    RuntimeException loadError() {
        return loadError;
    }

    /** Whether the net loaded. */
    boolean loaded() {
        return def != null;
    }

    /** Whether any input of the case carries data rather than labels, i.e. has a gradient to check. */
    boolean hasDataInput() {
        return layerCase.inputs().stream().anyMatch(i -> i.kind() != LayerCase.InputKind.LABELS);
    }

    /** Whether the net loaded and has at least one weight or bias, i.e. parameter gradients to check. */
    boolean hasParams() {
        return def != null && !TwinNets.params(def).isEmpty();
    }

    /** Whether data index {@code idx} is one of the case's inputs and carries data rather than labels. */
    static boolean isDataInput(LayerCase layerCase, int idx) {
        return idx < layerCase.inputs().size() && layerCase.inputs().get(idx).kind() != LayerCase.InputKind.LABELS;
    }
}
