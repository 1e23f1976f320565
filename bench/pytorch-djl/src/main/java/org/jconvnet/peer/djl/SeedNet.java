package org.jconvnet.peer.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;

/**
 * layers-conv-local-11pct (the seed net) at 32x32: conv1 5x5x64 relu, max pool 3/2, cmrnorm 9,
 * conv2 5x5x64 relu, cmrnorm 9, max pool 3/2, local3 3x3x64 relu, local4 3x3x32 relu, fc10.
 */
final class SeedNet extends PeerNet {
    private static final double SCALE = 0.001;
    private static final double POW = 0.75;
    private final NDArray w1;
    private final NDArray b1;
    private final NDArray w2;
    private final NDArray b2;
    private final NDArray w3;
    private final NDArray b3;
    private final NDArray w4;
    private final NDArray b4;
    private final NDArray w5;
    private final NDArray b5;

    SeedNet(NDManager m) {
        super("layers-conv-local-11pct", m);
        w1 = weight("conv1.weights", 0.0001, 64, 3, 5, 5);
        b1 = bias("conv1.biases", 64);
        w2 = weight("conv2.weights", 0.01, 64, 64, 5, 5);
        b2 = bias("conv2.biases", 64);
        w3 = weight("local3.weights", 0.04, 8 * 8, 64 * 9, 64);
        b3 = bias("local3.biases", 64, 8, 8);
        w4 = weight("local4.weights", 0.04, 8 * 8, 64 * 9, 32);
        b4 = bias("local4.biases", 32, 8, 8);
        w5 = weight("fc10.weights", 0.01, 10, 32 * 8 * 8);
        b5 = bias("fc10.biases", 10);
    }

    @Override
    NDArray forward(NDArray x) {
        NDArray h = Activation.relu(Ops.conv(x, w1, b1, 2));
        h = Ops.cmrnorm(Ops.maxPool(h, 3, 2), 9, SCALE, POW);
        h = Ops.cmrnorm(Activation.relu(Ops.conv(h, w2, b2, 2)), 9, SCALE, POW);
        h = Ops.maxPool(h, 3, 2);
        h = Activation.relu(Ops.local(h, w3, b3, 3, 1));
        h = Activation.relu(Ops.local(h, w4, b4, 3, 1));
        return Linear.linear(h.reshape(h.getShape().get(0), -1), w5, b5).singletonOrThrow();
    }
}
