package org.jconvnet.backend.cuda.kernels;

import static org.jconvnet.backend.cuda.kernels.FakeTensor.f32;

import org.jconvnet.api.kernel.KernelCall;
import org.jconvnet.api.kernel.KernelKey;
import org.jconvnet.api.kernel.Ops;
import org.jconvnet.api.kernel.contract.Bias;
import org.jconvnet.api.kernel.contract.Eltmax;
import org.jconvnet.api.kernel.contract.Eltsum;
import org.jconvnet.api.kernel.contract.Fc;
import org.jconvnet.api.kernel.contract.Filter;
import org.jconvnet.api.kernel.contract.Logreg;
import org.jconvnet.api.kernel.contract.Neuron;
import org.jconvnet.api.kernel.contract.Norm;
import org.jconvnet.api.kernel.contract.Pool;
import org.jconvnet.api.kernel.contract.Sgd;
import org.jconvnet.api.kernel.contract.Softmax;
import org.jconvnet.api.kernel.contract.Sum2;
import org.jconvnet.api.tensor.Tensor;

/**
 * A contract-conforming call for every key, with shapes taken from the seed net's layers (small
 * case count), so a plan can be built without a device.
 */
final class SampleArgs {
    static final int N = 8;

    private SampleArgs() {
    }

    static KernelCall of(KernelKey key) {
        String family = key.layerType();
        boolean forward = key.op().equals(Ops.FORWARD);
        switch (family) {
            case Sgd.TYPE:
                return new Sgd(f32(75, 32), f32(75, 32), f32(75, 32), 0.01, 0.9, 0.0);
            case Bias.TYPE:
                return forward ? new Bias.Forward(N, 64, f32(32 * 64, N), f32(32, 1))
                        : new Bias.BackwardWeights(N, 64, f32(32 * 64, N), f32(32, 1));
            case Filter.CONV:
            case Filter.LOCAL:
                return conv(family.equals(Filter.LOCAL), key.op());
            case Fc.TYPE:
                return fc(key.op());
            case Pool.TYPE:
                return pool(forward);
            case "cmrnorm":
            case "rnorm":
            case "cnorm":
                return norm(Norm.Kind.valueOf(family.toUpperCase(java.util.Locale.ROOT)), forward);
            case Neuron.TYPE: {
                Neuron.Function relu = new Neuron.Function(1, 0, 0);
                return forward ? new Neuron.Forward(relu, N, f32(64, N), f32(64, N))
                        : new Neuron.BackwardInput(relu, N, true, f32(64, N), f32(64, N), f32(64, N), f32(64, N));
            }
            case Softmax.TYPE:
                return forward ? new Softmax.Forward(N, 10, f32(10, N), f32(10, N))
                        : new Softmax.BackwardInput(N, 10, false, f32(10, N), f32(10, N), f32(10, N));
            case Logreg.TYPE:
                return forward ? new Logreg.Forward(N, 10, f32(1, N), f32(10, N), f32(2, N))
                        : new Logreg.Backward(N, 10, 1.0, false, key.op().equals(Ops.BACKWARD_SOFTMAX), f32(1, N),
                                f32(10, N), f32(10, N));
            case Sum2.TYPE:
                return forward ? new Sum2.Forward(N, f32(10, N), f32(1, N))
                        : new Sum2.BackwardInput(N, 0.5, true, f32(10, N), f32(10, N));
            case Eltsum.TYPE:
                return forward ? new Eltsum.Forward(N, 0.5, true, f32(64, N), f32(64, N))
                        : new Eltsum.BackwardInput(N, 0.5, true, f32(64, N), f32(64, N));
            case Eltmax.TYPE:
                return forward ? new Eltmax.Forward(N, true, f32(64, N), f32(64, N))
                        : new Eltmax.BackwardInput(N, true, f32(64, N), f32(64, N), f32(64, N), f32(64, N));
            default:
                throw new AssertionError("no sample call for " + key);
        }
    }

    /** The seed net's first conv layer at 8 x 8 (C=3, F=8, fs=5, padding 2, so M=8). */
    static KernelCall conv(boolean local, String op) {
        Filter.Shape s = new Filter.Shape(local, 3, 8, 8, 5, 2, 1, 8, 1);
        Tensor weights = f32(s.weightRows() * s.filters(), 1);
        Tensor images = f32(s.inputRows(), N);
        Tensor modules = f32(s.outputRows(), N);
        switch (op) {
            case Ops.FORWARD:
                return new Filter.Forward(s, N, false, images, weights, modules);
            case Ops.BACKWARD_INPUT:
                return new Filter.BackwardInput(s, N, false, modules, weights, images);
            default:
                return new Filter.BackwardWeights(s, N, false, images, modules, weights);
        }
    }

    /** 256 inputs: the forward sum is long enough for GPUs to cut into parts (SumSplit), so the split path is sampled too. */
    static KernelCall fc(String op) {
        Fc.Shape s = new Fc.Shape(256, 10);
        switch (op) {
            case Ops.FORWARD:
                return new Fc.Forward(s, N, false, f32(256, N), f32(256, 10), f32(10, N));
            case Ops.BACKWARD_INPUT:
                return new Fc.BackwardInput(s, N, false, f32(10, N), f32(256, 10), f32(256, N));
            default:
                return new Fc.BackwardWeights(s, N, false, f32(256, N), f32(10, N), f32(256, 10));
        }
    }

    private static KernelCall pool(boolean forward) {
        Pool.Shape s = new Pool.Shape(32, 32, 3, 0, 2, 16, false);
        Tensor in = f32(s.inputRows(), N);
        Tensor out = f32(s.outputRows(), N);
        return forward ? new Pool.Forward(s, N, in, out)
                : new Pool.BackwardInput(s, N, false, in, out, f32(s.outputRows(), N), f32(s.inputRows(), N));
    }

    private static KernelCall norm(Norm.Kind kind, boolean forward) {
        Norm.Shape s = new Norm.Shape(kind, 32, 8, 3, false, 0.001, 0.75, 1.0);
        long rows = s.rows();
        Tensor meanDiffs = kind == Norm.Kind.CNORM ? f32(rows, N) : null;
        return forward ? new Norm.Forward(s, N, f32(rows, N), f32(rows, N), f32(rows, N), meanDiffs)
                : new Norm.BackwardInput(s, N, false, f32(rows, N), f32(rows, N), f32(rows, N), meanDiffs, f32(rows, N),
                        f32(rows, N));
    }
}
