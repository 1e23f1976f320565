package org.jconvnet.layers.net;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.layer.Layer;
import org.jconvnet.api.layer.ScratchSpec;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.api.tensor.Tensor;

/**
 * The minibatch-sized tensors of a {@link Net}: per layer its output, the gradient at its output
 * and its scratch buffers, each {@code rows x N}. They are allocated for the N of a forward and
 * kept until N changes; the layers' runs read them from here, so a re-allocation needs no new runs.
 */
final class Activations {
    private final NetGraph graph;
    private final Backend backend;
    private final DType dtype;
    private Tensor[] outputs;
    private Tensor[] grads;
    private List<Map<String, Tensor>> scratch;
    private int numCases = -1;

    Activations(NetGraph graph, Backend backend, DType dtype) {
        this.graph = graph;
        this.backend = backend;
        this.dtype = dtype;
    }

    /** N of the tensors held, or -1 when none are. */
    int numCases() {
        return numCases;
    }

    /** The output of layer {@code i}. */
    Tensor output(int i) {
        return outputs[i];
    }

    /** The gradient at the output of layer {@code i}. */
    Tensor grad(int i) {
        return grads[i];
    }

    /** Layer {@code i}'s scratch buffers by name. */
    Map<String, Tensor> scratch(int i) {
        return scratch.get(i);
    }

    /**
     * Uploads each data layer's matrix, {@code data} by {@code dataIdx}, flat {@code rows x N}.
     *
     * @throws IllegalArgumentException when a data matrix is missing or has the wrong size
     */
    void uploadData(Map<Integer, double[]> data) {
        uploadEach(data, (t, v) -> t.upload(v), v -> v.length);
    }

    /**
     * The float32 variant of {@link #uploadData}: each array goes to {@link Tensor#upload(float[])},
     * so a float32 tensor receives it without a conversion through {@code double}.
     */
    void uploadFloatData(Map<Integer, float[]> data) {
        uploadEach(data, (t, v) -> t.upload(v), v -> v.length);
    }

    private <T> void uploadEach(Map<Integer, T> data, java.util.function.BiConsumer<Tensor, T> upload,
                                java.util.function.ToIntFunction<T> length) {
        for (int i = 0; i < graph.size(); i++) {
            Layer l = graph.layer(i);
            if (l.dataIndex().isEmpty()) {
                continue;
            }
            int idx = l.dataIndex().get();
            T v = data.get(idx);
            if (v == null) {
                throw new IllegalArgumentException("data layer '" + l.name() + "' needs data matrix " + idx
                        + " (" + l.outputs() + " x " + numCases + "), and none was given; given: " + data.keySet());
            }
            Net.checkLength("data matrix " + idx + " for layer '" + l.name() + "' (" + l.outputs() + " x " + numCases + ")",
                    length.applyAsInt(v), (long) l.outputs() * numCases);
            upload.accept(outputs[i], v);
        }
    }

    /** Each row of layer {@code i}'s output summed over the cases (a cost layer's costs). */
    double[] rowSums(int i) {
        int rows = graph.layer(i).outputs();
        double[] v = outputs[i].download();
        double[] out = new double[rows];
        for (int r = 0; r < rows; r++) {
            double s = 0;
            for (int c = 0; c < numCases; c++) {
                s += v[r * numCases + c];
            }
            out[r] = s;
        }
        return out;
    }

    /**
     * Makes every tensor {@code rows x n}; a no-op when they already are.
     *
     * @return whether the tensors were (re-)allocated
     */
    boolean ensureCases(int n) {
        if (n == numCases) {
            return false;
        }
        release();
        int layers = graph.size();
        outputs = new Tensor[layers];
        grads = new Tensor[layers];
        scratch = new ArrayList<>();
        try {
            for (int i = 0; i < layers; i++) {
                Layer l = graph.layer(i);
                outputs[i] = allocateFor(l, "output", l.outputs(), n);
                grads[i] = allocateFor(l, "output gradient", l.outputs(), n);
                Map<String, Tensor> s = new HashMap<>();
                scratch.add(s);
                for (ScratchSpec spec : l.scratch()) {
                    s.put(spec.name(), allocateFor(l, "scratch '" + spec.name() + "'", spec.rows(), n));
                }
            }
        } catch (RuntimeException e) {
            // Give back what this attempt got, so a retry with a smaller batch starts from nothing.
            release();
            throw e;
        }
        numCases = n;
        return true;
    }

    /** One activation-sized tensor; a failure (device memory exhausted, say) names the layer and the tensor. */
    private Tensor allocateFor(Layer l, String what, int rows, int n) {
        try {
            return backend.allocate(rows, n, dtype);
        } catch (RuntimeException e) {
            throw new JConvNetException("cannot allocate the " + what + " of layer '" + l.name() + "' (" + rows + " x "
                    + n + " cases, " + dtype.label() + ") on backend '" + backend.id() + "': " + e.getMessage(), e);
        }
    }

    /** Closes every tensor held; the next {@link #ensureCases} allocates afresh. Idempotent. */
    void release() {
        if (outputs == null) {
            return;
        }
        closeAll(outputs);
        closeAll(grads);
        scratch.forEach(m -> m.values().forEach(Tensor::close));
        outputs = null;
        grads = null;
        scratch = null;
        numCases = -1;
    }

    private static void closeAll(Tensor[] ts) {
        for (Tensor t : ts) {
            if (t != null) {
                t.close();
            }
        }
    }
}
