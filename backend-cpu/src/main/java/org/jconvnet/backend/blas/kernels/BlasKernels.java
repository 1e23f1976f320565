package org.jconvnet.backend.blas.kernels;

import org.jconvnet.api.kernel.KernelKey;
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
import org.jconvnet.backend.blas.BlasBackendProvider;
import org.jconvnet.backend.blas.BlasTensor;
import org.jconvnet.backend.blas.core.Compute;
import org.jconvnet.backend.blas.core.FilterGeometry;
import org.jconvnet.backend.blas.core.NormOps;
import org.jconvnet.backend.blas.core.PoolOps;

/**
 * The kernel bodies of {@code cpu-blas}: each reads its contract record, checks the sizes of its
 * tensors against the call's geometry (so that a tensor allocated for another geometry fails with
 * one line instead of an index error inside a loop or a bad native read), and runs the engine's
 * body on the tensors' arrays. Reals are narrowed to float once per launch, as the contracts say.
 */
final class BlasKernels {
    private BlasKernels() {
    }

    /** The array of {@code t}, after checking it holds {@code rows * cols} elements. */
    private static float[] sized(KernelKey key, String name, Tensor t, long rows, long cols) {
        if (t.size() != rows * cols) {
            throw new IllegalArgumentException("kernel " + key + " on backend '" + BlasBackendProvider.ID + "': tensor '"
                    + name + "' is " + t.describe() + " (" + t.size() + " elements), the call's geometry needs " + rows
                    + " x " + cols + " = " + rows * cols);
        }
        return BlasTensor.of(t).floats();
    }

    /** The array of {@code t}, after checking it has the size of {@code like}. */
    private static float[] same(KernelKey key, String name, Tensor t, Tensor like) {
        return sized(key, name, t, like.size(), 1);
    }

    private static FilterGeometry geometry(Filter.Shape s, int n) {
        return new FilterGeometry(s.local(), s.channels(), s.imgSize(), s.filters(), s.filterSize(), s.padding(),
                s.stride(), s.modulesX(), s.groups(), n);
    }

    static void filterForward(Filter.Forward c, Compute e, KernelKey key) {
        Filter.Shape s = c.shape();
        int n = c.numCases();
        e.filters().forward(geometry(s, n), sized(key, "input", c.input(), s.inputRows(), n),
                sized(key, "weights", c.weights(), s.weightRows(), s.filters()),
                sized(key, "output", c.output(), s.outputRows(), n), c.accumulate());
    }

    static void filterBackwardInput(Filter.BackwardInput c, Compute e, KernelKey key) {
        Filter.Shape s = c.shape();
        int n = c.numCases();
        e.filters().backwardInput(geometry(s, n), sized(key, "outputGrad", c.outputGrad(), s.outputRows(), n),
                sized(key, "weights", c.weights(), s.weightRows(), s.filters()),
                sized(key, "inputGrad", c.inputGrad(), s.inputRows(), n), c.accumulate());
    }

    static void filterBackwardWeights(Filter.BackwardWeights c, Compute e, KernelKey key) {
        Filter.Shape s = c.shape();
        int n = c.numCases();
        e.filters().backwardWeights(geometry(s, n), sized(key, "input", c.input(), s.inputRows(), n),
                sized(key, "outputGrad", c.outputGrad(), s.outputRows(), n),
                sized(key, "weightsGrad", c.weightsGrad(), s.weightRows(), s.filters()), c.accumulate());
    }

    static void fcForward(Fc.Forward c, Compute e, KernelKey key) {
        int in = c.shape().inputs();
        int out = c.shape().outputs();
        int n = c.numCases();
        e.dense().forward(in, out, n, sized(key, "input", c.input(), in, n), sized(key, "weights", c.weights(), in, out),
                sized(key, "output", c.output(), out, n), c.accumulate());
    }

    static void fcBackwardInput(Fc.BackwardInput c, Compute e, KernelKey key) {
        int in = c.shape().inputs();
        int out = c.shape().outputs();
        int n = c.numCases();
        e.dense().backwardInput(in, out, n, sized(key, "outputGrad", c.outputGrad(), out, n),
                sized(key, "weights", c.weights(), in, out), sized(key, "inputGrad", c.inputGrad(), in, n),
                c.accumulate());
    }

    static void fcBackwardWeights(Fc.BackwardWeights c, Compute e, KernelKey key) {
        int in = c.shape().inputs();
        int out = c.shape().outputs();
        int n = c.numCases();
        e.dense().backwardWeights(in, out, n, sized(key, "input", c.input(), in, n),
                sized(key, "outputGrad", c.outputGrad(), out, n), sized(key, "weightsGrad", c.weightsGrad(), in, out),
                c.accumulate());
    }

    private static PoolOps.Geometry geometry(Pool.Shape s, int n) {
        return new PoolOps.Geometry(s.channels(), s.imgSize(), s.sizeX(), s.start(), s.stride(), s.outputsX(),
                s.average(), n);
    }

    static void poolForward(Pool.Forward c, Compute e, KernelKey key) {
        Pool.Shape s = c.shape();
        int n = c.numCases();
        e.pool().forward(geometry(s, n), sized(key, "input", c.input(), s.inputRows(), n),
                sized(key, "output", c.output(), s.outputRows(), n));
    }

    static void poolBackward(Pool.BackwardInput c, Compute e, KernelKey key) {
        Pool.Shape s = c.shape();
        int n = c.numCases();
        e.pool().backwardInput(geometry(s, n), sized(key, "input", c.input(), s.inputRows(), n),
                sized(key, "output", c.output(), s.outputRows(), n),
                sized(key, "outputGrad", c.outputGrad(), s.outputRows(), n),
                sized(key, "inputGrad", c.inputGrad(), s.inputRows(), n), c.accumulate());
    }

    private static NormOps.Geometry geometry(Norm.Shape s, int n) {
        return new NormOps.Geometry(s.kind() == Norm.Kind.CMRNORM, s.kind() == Norm.Kind.CNORM, s.channels(),
                s.imgSize(), s.size(), s.blocked(), (float) s.addScale(), (float) s.pow(), (float) s.minDiv(), n);
    }

    /** cnorm's mean differences, or null for the other norms (the record checks which). */
    private static float[] meanDiffs(KernelKey key, Tensor t, Norm.Shape s, int n) {
        return t == null ? null : sized(key, "meanDiffs", t, s.rows(), n);
    }

    static void normForward(Norm.Forward c, Compute e, KernelKey key) {
        Norm.Shape s = c.shape();
        int n = c.numCases();
        e.norms().forward(geometry(s, n), sized(key, "input", c.input(), s.rows(), n),
                sized(key, "output", c.output(), s.rows(), n), sized(key, "denoms", c.denoms(), s.rows(), n),
                meanDiffs(key, c.meanDiffs(), s, n));
    }

    static void normBackward(Norm.BackwardInput c, Compute e, KernelKey key) {
        Norm.Shape s = c.shape();
        int n = c.numCases();
        e.norms().backwardInput(geometry(s, n), sized(key, "input", c.input(), s.rows(), n),
                sized(key, "output", c.output(), s.rows(), n), sized(key, "denoms", c.denoms(), s.rows(), n),
                meanDiffs(key, c.meanDiffs(), s, n), sized(key, "outputGrad", c.outputGrad(), s.rows(), n),
                sized(key, "inputGrad", c.inputGrad(), s.rows(), n), c.accumulate());
    }

    static void neuronForward(Neuron.Forward c, Compute e, KernelKey key) {
        Neuron.Function f = c.neuron();
        e.pointwise().neuronForward(f.function(), (float) f.a(), (float) f.b(), BlasTensor.of(c.input()).floats(),
                same(key, "output", c.output(), c.input()));
    }

    static void neuronBackward(Neuron.BackwardInput c, Compute e, KernelKey key) {
        Neuron.Function f = c.neuron();
        Tensor in = c.input();
        e.pointwise().neuronBackward(f.function(), (float) f.a(), (float) f.b(), BlasTensor.of(in).floats(),
                same(key, "output", c.output(), in), same(key, "outputGrad", c.outputGrad(), in),
                same(key, "inputGrad", c.inputGrad(), in), c.accumulate());
    }

    static void softmaxForward(Softmax.Forward c, Compute e, KernelKey key) {
        int n = c.numCases();
        e.softmax().softmaxForward(c.classes(), n, sized(key, "input", c.input(), c.classes(), n),
                sized(key, "output", c.output(), c.classes(), n));
    }

    static void softmaxBackward(Softmax.BackwardInput c, Compute e, KernelKey key) {
        int n = c.numCases();
        int d = c.classes();
        e.softmax().softmaxBackward(d, n, sized(key, "output", c.output(), d, n),
                sized(key, "outputGrad", c.outputGrad(), d, n), sized(key, "inputGrad", c.inputGrad(), d, n),
                c.accumulate());
    }

    static void logregForward(Logreg.Forward c, Compute e, KernelKey key) {
        int n = c.numCases();
        int k = c.classes();
        e.softmax().logregForward(k, n, sized(key, "labels", c.labels(), 1, n), sized(key, "probs", c.probs(), k, n),
                sized(key, "output", c.output(), 2, n));
    }

    static void logregBackward(Logreg.Backward c, Compute e, KernelKey key) {
        int n = c.numCases();
        int k = c.classes();
        e.softmax().logregBackward(k, n, (float) c.coeff(), c.throughSoftmax(), sized(key, "labels", c.labels(), 1, n),
                sized(key, "probs", c.probs(), k, n), sized(key, "inputGrad", c.inputGrad(), k, n), c.accumulate());
    }

    static void sum2Forward(Sum2.Forward c, Compute e, KernelKey key) {
        int n = c.numCases();
        float[] input = BlasTensor.of(c.input()).floats();
        if (n <= 0 || input.length % n != 0) {
            throw new IllegalArgumentException("kernel " + key + ": input " + c.input().describe()
                    + " is not a whole number of columns of " + n + " cases");
        }
        e.softmax().sum2Forward(n, input, sized(key, "output", c.output(), 1, n));
    }

    static void sum2Backward(Sum2.BackwardInput c, Compute e, KernelKey key) {
        e.pointwise().scaledCopy(2 * (float) c.coeff(), BlasTensor.of(c.input()).floats(),
                same(key, "inputGrad", c.inputGrad(), c.input()), c.accumulate());
    }

    static void sgd(Sgd c, Compute e, KernelKey key) {
        Tensor w = c.weights();
        e.pointwise().sgd(BlasTensor.of(w).floats(), same(key, "grad", c.grad(), w), same(key, "inc", c.inc(), w),
                (float) c.gradScale(), (float) c.mom(), (float) c.decay());
    }

    static void biasForward(Bias.Forward c, Compute e, KernelKey key) {
        int n = c.numCases();
        float[] out = BlasTensor.of(c.output()).floats();
        long rows = out.length / Math.max(1, n);
        e.pointwise().biasForward(n, c.repeat(), sized(key, "output", c.output(), rows, n),
                sized(key, "biases", c.biases(), rows / c.repeat(), 1));
    }

    static void biasBackward(Bias.BackwardWeights c, Compute e, KernelKey key) {
        int n = c.numCases();
        float[] grad = BlasTensor.of(c.outputGrad()).floats();
        long rows = grad.length / Math.max(1, n);
        e.pointwise().biasBackward(n, c.repeat(), sized(key, "outputGrad", c.outputGrad(), rows, n),
                sized(key, "biasesGrad", c.biasesGrad(), rows / c.repeat(), 1));
    }

    static void eltsumForward(Eltsum.Forward c, Compute e, KernelKey key) {
        e.pointwise().scaledCopy((float) c.coeff(), BlasTensor.of(c.input()).floats(),
                same(key, "output", c.output(), c.input()), c.accumulate());
    }

    static void eltsumBackward(Eltsum.BackwardInput c, Compute e, KernelKey key) {
        e.pointwise().scaledCopy((float) c.coeff(), BlasTensor.of(c.outputGrad()).floats(),
                same(key, "inputGrad", c.inputGrad(), c.outputGrad()), c.accumulate());
    }

    static void eltmaxForward(Eltmax.Forward c, Compute e, KernelKey key) {
        e.pointwise().eltmaxForward(BlasTensor.of(c.input()).floats(), same(key, "output", c.output(), c.input()),
                c.accumulate());
    }

    static void eltmaxBackward(Eltmax.BackwardInput c, Compute e, KernelKey key) {
        Tensor in = c.input();
        e.pointwise().eltmaxBackward(BlasTensor.of(in).floats(), same(key, "output", c.output(), in),
                same(key, "outputGrad", c.outputGrad(), in), same(key, "inputGrad", c.inputGrad(), in), c.accumulate());
    }
}
