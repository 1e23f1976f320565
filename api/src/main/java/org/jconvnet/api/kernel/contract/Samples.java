package org.jconvnet.api.kernel.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.jconvnet.api.kernel.KernelOp;

/** Builds the families' sample lists: a case, and a case once per value of its accumulate flag. */
final class Samples {
    /** The tolerance of a kernel with a few float32 roundings per result. */
    static final double FEW = 1e-5;
    /** Its reason. */
    static final String FEW_REASON = "a few float32 roundings";

    private final List<KernelSample> out = new ArrayList<>();

    /** An empty list. */
    Samples() {
    }

    /** Adds one sample of {@code op}. */
    Samples add(KernelOp<?> op, String label, KernelSample.Kind kind, double tolerance, String reason,
                Function<SampleTensors, KernelSample.Calls> build) {
        out.add(new KernelSample(op, label, kind, tolerance, reason, build));
        return this;
    }

    /** Adds a sample with {@code accumulate} false and one with true (the label says which). */
    Samples bothAccumulates(KernelOp<?> op, String label, KernelSample.Kind kind, double tolerance, String reason,
                            AccumulatingBuild build) {
        for (boolean acc : new boolean[] {false, true}) {
            add(op, label + " acc=" + (acc ? 1 : 0), kind, tolerance, reason, t -> build.build(t, acc));
        }
        return this;
    }

    /**
     * The samples of an elementwise family (any size, every element alike): {@code cases} adds its
     * samples at an edge size, 4 x 6, and at a seed-net size, 64 rows at batch 8, labelled
     * {@code rows x n}.
     */
    static List<KernelSample> elementwise(SizedCases cases) {
        Samples s = new Samples();
        cases.add(s, 4, 6, "4x6", KernelSample.Kind.EDGE);
        cases.add(s, 64, 8, "64x8", KernelSample.Kind.SEED);
        return s.list();
    }

    /** The samples, in the order added. */
    List<KernelSample> list() {
        return List.copyOf(out);
    }

    /** Adds a family's samples at one size. */
    @FunctionalInterface
    interface SizedCases {
        /** Adds the samples of {@code rows x n} tensors, labelled {@code label}, for runs of {@code kind}. */
        void add(Samples s, int rows, int n, String label, KernelSample.Kind kind);
    }

    /** A sample's calls for one value of its accumulate flag. */
    @FunctionalInterface
    interface AccumulatingBuild {
        /** The calls over tensors of {@code t} with accumulate {@code acc}. */
        KernelSample.Calls build(SampleTensors t, boolean acc);
    }
}
