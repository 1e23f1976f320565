package org.jconvnet.peer.djl;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;

/**
 * The layer operations PyTorch lacks, written out from cuda-convnet's definitions
 * (docs/cuda-convnet.md §3.3, §3.6, §3.7), and the pools with cuda-convnet's output sizes.
 * Tensors are NCHW.
 */
final class Ops {
    private Ops() {
    }

    /** A shared-weight convolution with square filters, stride 1 and the given zero padding, plus biases. */
    static NDArray conv(NDArray x, NDArray w, NDArray b, int padding) {
        NDList out = Conv2d.conv2d(x, w, b, new Shape(1, 1), new Shape(padding, padding), new Shape(1, 1), 1);
        return out.singletonOrThrow();
    }

    /**
     * cuda-convnet's pooling window: sizeX wide, every {@code stride} pixels from 0, as many outputs
     * as start inside the image (PyTorch's ceil mode gives the same count for these nets).
     */
    static NDArray maxPool(NDArray x, int sizeX, int stride) {
        return Pool.maxPool2d(x, new Shape(sizeX, sizeX), new Shape(stride, stride), new Shape(0, 0), true);
    }

    /** Average pooling over the clipped window (divides by the pixels inside the image, as cuda-convnet). */
    static NDArray avgPool(NDArray x, int sizeX, int stride) {
        return Pool.avgPool2d(x, new Shape(sizeX, sizeX), new Shape(stride, stride), new Shape(0, 0), true, false);
    }

    /**
     * cmrnorm: {@code y = x * (1 + scale/size * sum over the size maps centred on each map of x²)^-pow},
     * the window sum as an average pool over the channel axis (zero padded, counted in full) times size.
     */
    static NDArray cmrnorm(NDArray x, int size, double scale, double pow) {
        Shape s = x.getShape();
        long n = s.get(0);
        long c = s.get(1);
        long hw = s.get(2) * s.get(3);
        NDArray sq = x.square().reshape(n, 1, c, hw);
        NDArray sum = Pool.avgPool2d(sq, new Shape(size, 1), new Shape(1, 1), new Shape(size / 2, 0), false, true)
                .mul(size).reshape(s);
        return x.mul(sum.mul(scale / size).add(1).pow(-pow));
    }

    /**
     * rnorm: {@code y = x * (1 + scale/size² * sum over the size x size pixels around each pixel of x²)^-pow},
     * within each map (the border windows clipped, the divisor kept).
     */
    static NDArray rnorm(NDArray x, int size, double scale, double pow) {
        NDArray sum = Pool.avgPool2d(x.square(), new Shape(size, size), new Shape(1, 1), new Shape(size / 2, size / 2),
                false, true).mul((double) size * size);
        return x.mul(sum.mul(scale / ((double) size * size)).add(1).pow(-pow));
    }

    /**
     * A locally-connected layer (unshared weights, cuda-convnet's {@code local}) of stride 1: the
     * input unfolded into {@code fs x fs} patches per output location (zero padded), then one
     * matrix product per location with that location's own filter bank, plus per-location biases.
     *
     * @param x       input, N x C x S x S
     * @param w       weights, (S·S) x (C·fs·fs) x F: one filter bank per location
     * @param b       biases, F x S x S
     * @param fs      filter size
     * @param padding zero padding; with stride 1, {@code fs = 2·padding + 1} keeps the side S
     */
    static NDArray local(NDArray x, NDArray w, NDArray b, int fs, int padding) {
        Shape s = x.getShape();
        long n = s.get(0);
        long c = s.get(1);
        long side = s.get(2);
        NDArray padded = x.pad(new Shape(padding, padding, padding, padding), 0);
        NDList taps = new NDList();
        for (int dy = 0; dy < fs; dy++) {
            for (int dx = 0; dx < fs; dx++) {
                taps.add(padded.get(new NDIndex(":, :, {}:{}, {}:{}", dy, dy + side, dx, dx + side)));
            }
        }
        // N x C x fs² x S x S -> (S·S) x N x (C·fs²): the unfold, location-major for the batched product.
        NDArray patches = NDArrays.stack(taps, 2).reshape(n, c * fs * fs, side * side).transpose(2, 0, 1);
        NDArray y = patches.batchMatMul(w);                       // (S·S) x N x F
        return y.transpose(1, 2, 0).reshape(n, w.getShape().get(2), side, side).add(b);
    }
}
