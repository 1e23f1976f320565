package org.jconvnet.conformance.mutant;

import org.jconvnet.api.kernel.Kernel;
import org.jconvnet.api.kernel.Ops;
import org.jconvnet.api.kernel.contract.Pool;
import org.jconvnet.api.tensor.Tensor;

/**
 * The pool layer's forward kernel drops the last window (bottom-right output of every channel
 * reads as 0): the classic off-by-one in the output count.
 */
public final class PoolDropLastWindowMutant {
    /** The backend id. */
    public static final String ID = "mutant-pool-drop-last";

    private PoolDropLastWindowMutant() {
    }

    /** Its backend provider. */
    public static final class Provider extends MutantProvider {
        /** The provider ServiceLoader creates. */
        public Provider() {
            super(ID);
        }
    }

    /** Its kernels. */
    public static final class Kernels extends MutantKernels {
        /** The provider ServiceLoader creates. */
        public Kernels() {
            super(ID, "pool", Ops.FORWARD);
        }

        @Override
        Kernel corrupted(Kernel clean) {
            return call -> {
                clean.launch(call);
                Pool.Forward args = (Pool.Forward) call;
                Tensor out = args.output();
                int o = args.shape().outputsX();
                int n = args.numCases();
                double[] v = out.download();
                for (int row = o * o - 1; row < out.rows(); row += o * o) {
                    for (int c = 0; c < n; c++) {
                        v[row * n + c] = 0;
                    }
                }
                out.upload(v);
            };
        }
    }
}
