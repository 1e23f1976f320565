package org.jconvnet.api.kernel.contract;

import java.util.List;
import java.util.function.Function;
import org.jconvnet.api.kernel.KernelCall;
import org.jconvnet.api.kernel.KernelOp;

/**
 * One sample call of a contract, the way PyTorch's OpInfo samples are: the backends' parity tests,
 * the CPU reference's tests, the GPU plan tables and the kernel benchmarks all run from these
 * (each family's {@code samples()}, gathered by {@link KernelSamples}), so a contract and its cases
 * change in one place.
 *
 * <p>{@link #build} allocates the tensors through a {@link SampleTensors} and returns the call,
 * preceded by the calls that prepare its data: a backward sample runs its forward first (on the
 * harness's reference, before the data is copied to the backend under test) so that, say, a
 * max-pool output holds values its gradient can match. Every tensor the sample allocates is
 * compared after the call; a tensor the call does not write compares equal by construction.
 *
 * @param kernelOp  the op it is a sample of ({@link KernelOps}); its call is a call of that op
 * @param label     what is special about the case (geometry, edge)
 * @param kind      which runs use it
 * @param tolerance allowed difference of a float32 result from the float64 reference, relative to
 *                  the largest magnitude of the reference tensor
 * @param reason    why that tolerance (the roundings involved)
 * @param build     the calls over the tensors it allocates
 */
public record KernelSample(KernelOp<?> kernelOp, String label, Kind kind, double tolerance, String reason,
                           Function<SampleTensors, Calls> build) {

    /** Which runs a sample is for. */
    public enum Kind {
        /** A small case at an edge (padding, clipping, ties, partial blocks): parity and reference tests. */
        EDGE,
        /** A layer of the seed net at a small batch: parity and reference tests, and the GPU plan tables. */
        SEED,
        /** A layer of the seed net at its training batch (128): kernel benchmarks only, too big for the float64 reference in tests. */
        BENCH
    }

    /**
     * The calls of one sample.
     *
     * @param prepare calls that fill the sample's data, run on the reference before the sample
     * @param call    the call under test
     */
    public record Calls(List<KernelCall> prepare, KernelCall call) {
        /**
         * A call needing no preparation.
         *
         * @param call the call under test
         * @return the calls
         */
        public static Calls of(KernelCall call) {
            return new Calls(List.of(), call);
        }

        /**
         * A call whose data {@code prepare} fills first.
         *
         * @param prepare the call that fills the sample's data, run on the reference before the sample
         * @param call the call under test
         * @return the calls
         */
        public static Calls after(KernelCall prepare, KernelCall call) {
            return new Calls(List.of(prepare), call);
        }
    }

    /** {@return the key's layer type} */
    public String layerType() {
        return kernelOp.layerType();
    }

    /** {@return the key's op} */
    public String op() {
        return kernelOp.op();
    }

    /** {@return the key's {@code layerType/op}} */
    public String key() {
        return kernelOp.name();
    }

    /** {@return a seed for the harness's random values, fixed per sample} */
    public long seed() {
        return (key() + " " + label).hashCode();
    }

    @Override
    public String toString() {
        return key() + " " + label;
    }
}
