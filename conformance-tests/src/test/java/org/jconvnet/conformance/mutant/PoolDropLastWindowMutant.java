package org.jconvnet.conformance.mutant;

import org.jconvnet.api.kernel.Kernel;
import org.jconvnet.api.kernel.KernelKey;
import org.jconvnet.api.kernel.Ops;
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
        @Override
        public String id() {
            return ID;
        }
    }

    /** Its kernels. */
    public static final class Kernels extends MutantKernels {
        @Override
        public String backendId() {
            return ID;
        }

        @Override
        Kernel corrupt(KernelKey key, Kernel clean) {
            if (!key.layerType().equals("pool") || !key.op().equals(Ops.FORWARD)) {
                return clean;
            }
            return args -> {
                clean.launch(args);
                Tensor out = args.tensor("output");
                int o = args.integer("outputsX");
                int n = args.integer("numCases");
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
