package org.jconvnet.peer.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One of the two nets, its parameters created once (float32, Gaussian like cuda-convnet's initW,
 * biases 0) and marked for gradients.
 */
abstract class PeerNet {
    private final String name;
    private final Map<String, NDArray> params = new LinkedHashMap<>();
    private final NDManager manager;

    PeerNet(String name, NDManager manager) {
        this.name = name;
        this.manager = manager;
    }

    /** The jconvnet net this one mirrors, e.g. {@code layers-18pct}. */
    String name() {
        return name;
    }

    /** Every parameter, in creation order. */
    Map<String, NDArray> params() {
        return params;
    }

    /** The total number of parameters, comparable with {@code jconvnet describe}. */
    long parameterCount() {
        return params.values().stream().mapToLong(a -> a.getShape().size()).sum();
    }

    /** A weight array of {@code shape}, N(0, initW²). */
    protected NDArray weight(String key, double initW, long... shape) {
        NDArray a = manager.randomNormal(0f, (float) initW, new Shape(shape), DataType.FLOAT32);
        return register(key, a);
    }

    /** A bias array of {@code shape}, zero. */
    protected NDArray bias(String key, long... shape) {
        return register(key, manager.zeros(new Shape(shape), DataType.FLOAT32));
    }

    private NDArray register(String key, NDArray a) {
        a.setRequiresGradient(true);
        params.put(key, a);
        return a;
    }

    /** The class scores (before softmax) of a minibatch of N x 3 x 32 x 32 images. */
    abstract NDArray forward(NDArray images);

    /** The nets by jconvnet's name. */
    static PeerNet create(String net, NDManager manager) {
        return switch (net) {
            case "layers-conv-local-11pct" -> new SeedNet(manager);
            case "layers-18pct" -> new Net18pct(manager);
            default -> throw new IllegalArgumentException("unknown net '" + net
                    + "'; known: layers-conv-local-11pct, layers-18pct");
        };
    }
}
