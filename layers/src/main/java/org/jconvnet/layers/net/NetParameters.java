package org.jconvnet.layers.net;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.layer.Layer;
import org.jconvnet.api.layer.ParamSpec;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.api.tensor.Tensor;

/**
 * The parameter tensors of a {@link Net}, allocated once: per layer its parameters in spec order
 * (weights before biases), with the name-to-tensor maps the layers' runs read, built here once so
 * that no pass allocates them.
 */
final class NetParameters {
    private final NetGraph graph;
    private final List<Map<String, Parameter>> byLayer = new ArrayList<>();
    private final List<Map<String, Tensor>> values = new ArrayList<>();
    private final List<Map<String, Tensor>> learningGrads = new ArrayList<>();
    private final boolean[] trainable;
    private final List<Parameter> all = new ArrayList<>();

    NetParameters(NetGraph graph, Backend backend, DType dtype) {
        this.graph = graph;
        trainable = new boolean[graph.size()];
        try {
            for (int i = 0; i < graph.size(); i++) {
                Layer l = graph.layer(i);
                Map<String, Parameter> ps = new LinkedHashMap<>();
                Map<String, Tensor> v = new HashMap<>();
                Map<String, Tensor> g = new HashMap<>();
                for (ParamSpec spec : l.params()) {
                    Tensor value = backend.allocate(spec.rows(), spec.cols(), dtype);
                    Parameter p = new Parameter(l, spec, value, allocateOrRelease(backend, spec, dtype, value));
                    ps.put(spec.name(), p);
                    all.add(p);
                    v.put(spec.name(), p.value());
                    if (p.learns()) {
                        g.put(spec.name(), p.grad());
                    }
                    trainable[i] |= p.learns();
                }
                byLayer.add(ps);
                values.add(Collections.unmodifiableMap(v));
                learningGrads.add(Collections.unmodifiableMap(g));
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private static Tensor allocateOrRelease(Backend backend, ParamSpec spec, DType dtype, Tensor value) {
        try {
            return backend.allocate(spec.rows(), spec.cols(), dtype);
        } catch (RuntimeException e) {
            value.close();
            throw e;
        }
    }

    /** Every parameter in layer order, weights before biases. */
    List<Parameter> all() {
        return Collections.unmodifiableList(all);
    }

    /** Whether some parameter of layer {@code i} learns. */
    boolean trainable(int i) {
        return trainable[i];
    }

    /** Layer {@code i}'s parameter values by name. */
    Map<String, Tensor> values(int i) {
        return values.get(i);
    }

    /** Layer {@code i}'s gradients by name, of the parameters that learn only (the others get none). */
    Map<String, Tensor> learningGrads(int i) {
        return learningGrads.get(i);
    }

    /** Parameter {@code param} of layer {@code layer}, with a message naming what exists when absent. */
    Parameter get(String layer, String param) {
        Map<String, Parameter> ps = byLayer.get(graph.indexOf(layer));
        Parameter p = ps.get(param);
        if (p == null) {
            throw new IllegalArgumentException("layer '" + layer + "' has no parameter '" + param + "'; it has " + ps.keySet());
        }
        return p;
    }

    /**
     * cuda-convnet's initialisation (cuda-convnet.md §5.4): each weight {@code initW * N(0,1)}, each
     * bias {@code initB}, gradients 0; one generator seeded with {@code seed}, drawn layer by layer
     * and parameter by parameter in memory order.
     */
    void init(long seed) {
        Random rng = new Random(seed);
        for (Parameter p : all) {
            double[] v = new double[Math.toIntExact(p.spec().size())];
            double std = p.spec().initStd();
            for (int k = 0; k < v.length; k++) {
                v[k] = p.spec().initValue() + (std != 0 ? std * rng.nextGaussian() : 0);
            }
            p.value().upload(v);
            p.grad().zero();
        }
    }

    void close() {
        all.forEach(Parameter::close);
    }
}
