package org.jconvnet.peer.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;

/**
 * layers-18pct at 32x32: conv1 5x5x32, max pool 3/2 relu, rnorm 3, conv2 5x5x32 relu, avg pool
 * 3/2, rnorm 3, conv3 5x5x64 relu, avg pool 3/2, fc10.
 */
final class Net18pct extends PeerNet {
    private static final double SCALE = 0.00005;
    private static final double POW = 0.75;
    private final NDArray w1;
    private final NDArray b1;
    private final NDArray w2;
    private final NDArray b2;
    private final NDArray w3;
    private final NDArray b3;
    private final NDArray w4;
    private final NDArray b4;

    Net18pct(NDManager m) {
        super("layers-18pct", m);
        w1 = weight("conv1.weights", 0.0001, 32, 3, 5, 5);
        b1 = bias("conv1.biases", 32);
        w2 = weight("conv2.weights", 0.01, 32, 32, 5, 5);
        b2 = bias("conv2.biases", 32);
        w3 = weight("conv3.weights", 0.01, 64, 32, 5, 5);
        b3 = bias("conv3.biases", 64);
        w4 = weight("fc10.weights", 0.01, 10, 64 * 4 * 4);
        b4 = bias("fc10.biases", 10);
    }

    @Override
    NDArray forward(NDArray x) {
        NDArray h = Activation.relu(Ops.maxPool(Ops.conv(x, w1, b1, 2), 3, 2));
        h = Ops.rnorm(h, 3, SCALE, POW);
        h = Ops.rnorm(Ops.avgPool(Activation.relu(Ops.conv(h, w2, b2, 2)), 3, 2), 3, SCALE, POW);
        h = Ops.avgPool(Activation.relu(Ops.conv(h, w3, b3, 2)), 3, 2);
        return Linear.linear(h.reshape(h.getShape().get(0), -1), w4, b4).singletonOrThrow();
    }
}
