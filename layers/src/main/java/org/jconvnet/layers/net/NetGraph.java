package org.jconvnet.layers.net;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jconvnet.api.layer.Layer;

/**
 * The shape of a {@link NetDefinition} as index arrays, computed once: layers in execution order,
 * each layer's inputs by index, and which layers' backward another layer absorbs (cost.logreg over
 * a softmax that feeds nothing else; {@link Layer#absorbsBackwardOf()}).
 */
final class NetGraph {
    private final List<Layer> layers;
    private final Map<String, Integer> index = new HashMap<>();
    private final int[][] inputs;
    private final int[] absorbedBy;

    NetGraph(NetDefinition def) {
        layers = def.layers();
        int n = layers.size();
        inputs = new int[n][];
        for (int i = 0; i < n; i++) {
            index.put(layers.get(i).name(), i);
        }
        for (int i = 0; i < n; i++) {
            inputs[i] = def.inputsOf(layers.get(i).name()).stream().mapToInt(index::get).toArray();
        }
        absorbedBy = new int[n];
        Arrays.fill(absorbedBy, -1);
        for (int i = 0; i < n; i++) {
            int a = layers.get(i).absorbsBackwardOf();
            if (a < 0 || a >= inputs[i].length) {
                continue;
            }
            int target = inputs[i][a];
            if (def.consumersOf(layers.get(target).name()).size() == 1 && inputs[target].length == 1) {
                absorbedBy[target] = i;
            }
        }
    }

    /** Number of layers. */
    int size() {
        return layers.size();
    }

    /** Layer {@code i} in execution order. */
    Layer layer(int i) {
        return layers.get(i);
    }

    /** The indices of layer {@code i}'s inputs, in input order. Not to be modified. */
    int[] inputs(int i) {
        return inputs[i];
    }

    /** The layer whose backward absorbs layer {@code i}'s, or -1. */
    int absorbedBy(int i) {
        return absorbedBy[i];
    }

    /** Whether layer {@code i} is a data layer (its output is uploaded, never computed). */
    boolean isData(int i) {
        return layers.get(i).dataIndex().isPresent();
    }

    /** The index of the layer named {@code name}. */
    int indexOf(String name) {
        Integer i = index.get(name);
        if (i == null) {
            throw new IllegalArgumentException("no layer '" + name + "' in this net; layers: " + index.keySet());
        }
        return i;
    }
}
