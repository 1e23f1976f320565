package org.jconvnet.backend.cuda.kernels;

import static org.jconvnet.backend.cuda.kernels.FakeTensor.f32;

import org.jconvnet.api.kernel.KernelArgs;
import org.jconvnet.api.kernel.KernelKey;

/**
 * Contract-conforming arguments for every key, with shapes taken from the seed net's layers (small
 * case count), so a plan can be built without a device.
 */
final class SampleArgs {
    static final int N = 8;

    private SampleArgs() {
    }

    static KernelArgs of(KernelKey key) {
        String family = key.layerType();
        String op = key.op();
        switch (family) {
            case "tensor":
                return KernelArgs.create().tensor("weights", f32(75, 32)).tensor("grad", f32(75, 32)).tensor("inc", f32(75, 32))
                        .real("gradScale", 0.01).real("mom", 0.9).real("decay", 0.0);
            case "bias":
                return op.equals("forward")
                        ? KernelArgs.create().tensor("output", f32(32 * 64, N)).tensor("biases", f32(32, 1))
                                .integer("numCases", N).integer("repeat", 64)
                        : KernelArgs.create().tensor("outputGrad", f32(32 * 64, N)).tensor("biasesGrad", f32(32, 1))
                                .integer("numCases", N).integer("repeat", 64);
            case "conv":
            case "local":
                return conv(family.equals("local"), op);
            case "fc":
                return fc(op);
            case "pool":
                return pool(op);
            case "cmrnorm":
            case "rnorm":
            case "cnorm":
                return norm(family, op);
            case "neuron":
                return elementwise(op).integer("function", 1).real("a", 0).real("b", 0);
            case "softmax":
                return KernelArgs.create().tensor("input", f32(10, N)).tensor("output", f32(10, N))
                        .tensor("outputGrad", f32(10, N)).tensor("inputGrad", f32(10, N))
                        .integer("numCases", N).integer("classes", 10).integer("accumulate", 0);
            case "cost.logreg":
                return KernelArgs.create().tensor("labels", f32(1, N)).tensor("probs", f32(10, N)).tensor("output", f32(2, N))
                        .tensor("inputGrad", f32(10, N)).integer("numCases", N).integer("classes", 10)
                        .integer("accumulate", 0).real("coeff", 1.0);
            case "cost.sum2":
                return KernelArgs.create().tensor("input", f32(10, N)).tensor("output", f32(1, N)).tensor("inputGrad", f32(10, N))
                        .integer("numCases", N).integer("accumulate", 1).real("coeff", 0.5);
            case "eltsum":
                return elementwise(op).real("coeff", 0.5);
            case "eltmax":
                return elementwise(op);
            default:
                throw new AssertionError("no sample arguments for " + key);
        }
    }

    private static KernelArgs elementwise(String op) {
        return KernelArgs.create().tensor("input", f32(64, N)).tensor("output", f32(64, N))
                .tensor("outputGrad", f32(64, N)).tensor("inputGrad", f32(64, N))
                .integer("numCases", N).integer("accumulate", 1);
    }

    private static KernelArgs conv(boolean local, String op) {
        int c = 3;
        int s = 8;
        int f = 8;
        int fs = 5;
        int p = 2;
        int m = 8;
        long weights = (long) c * fs * fs * f * (local ? m * m : 1);
        return KernelArgs.create().tensor("input", f32((long) c * s * s, N)).tensor("inputGrad", f32((long) c * s * s, N))
                .tensor("output", f32((long) f * m * m, N)).tensor("outputGrad", f32((long) f * m * m, N))
                .tensor("weights", f32(weights, 1)).tensor("weightsGrad", f32(weights, 1))
                .integer("numCases", N).integer("channels", c).integer("imgSize", s).integer("filters", f)
                .integer("filterSize", fs).integer("padding", p).integer("stride", 1).integer("modulesX", m)
                .integer("groups", 1).integer("accumulate", 0);
    }

    private static KernelArgs fc(String op) {
        // 256 inputs: the forward sum is long enough for GPUs to cut into parts (SumSplit), so the split path is sampled too
        return KernelArgs.create().tensor("input", f32(256, N)).tensor("inputGrad", f32(256, N)).tensor("output", f32(10, N))
                .tensor("outputGrad", f32(10, N)).tensor("weights", f32(256, 10)).tensor("weightsGrad", f32(256, 10))
                .integer("numCases", N).integer("inputs", 256).integer("outputs", 10).integer("accumulate", 0);
    }

    private static KernelArgs pool(String op) {
        return KernelArgs.create().tensor("input", f32(32L * 32 * 32, N)).tensor("inputGrad", f32(32L * 32 * 32, N))
                .tensor("output", f32(32L * 16 * 16, N)).tensor("outputGrad", f32(32L * 16 * 16, N))
                .integer("numCases", N).integer("channels", 32).integer("imgSize", 32).integer("sizeX", 3)
                .integer("start", 0).integer("stride", 2).integer("outputsX", 16).integer("average", 0)
                .integer("accumulate", 0);
    }

    private static KernelArgs norm(String family, String op) {
        long rows = 32L * 8 * 8;
        KernelArgs a = KernelArgs.create();
        for (String t : new String[] {"input", "output", "denoms", "outputGrad", "inputGrad", "meanDiffs"}) {
            a.tensor(t, f32(rows, N));
        }
        return a.integer("numCases", N).integer("channels", 32).integer("imgSize", 8).integer("size", 3)
                .integer("blocked", 0).integer("accumulate", 0).real("addScale", 0.001).real("pow", 0.75).real("minDiv", 1.0);
    }
}
