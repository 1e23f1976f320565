package org.jconvnet.conformance.mutant;

import org.jconvnet.api.kernel.Kernel;
import org.jconvnet.api.kernel.Ops;
import org.jconvnet.api.kernel.contract.Filter;
import org.jconvnet.api.tensor.Tensor;

/**
 * The conv layer's weight-gradient kernel is off by a factor of {@code 1 + }{@value #ERROR}: just
 * over the default tolerance (1e-4), the kind of drift a wrong scaling or a lost term would cause.
 */
public final class WeightGradOffMutant {
    /** The backend id. */
    public static final String ID = "mutant-weight-grad-off";
    /** The relative error injected. */
    public static final double ERROR = 2.5e-4;

    private WeightGradOffMutant() {
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
            super(ID, "conv", Ops.BACKWARD_WEIGHTS);
        }

        @Override
        Kernel corrupted(Kernel clean) {
            return call -> {
                clean.launch(call);
                Tensor g = ((Filter.BackwardWeights) call).weightsGrad();
                double[] v = g.download();
                for (int i = 0; i < v.length; i++) {
                    v[i] *= 1 + ERROR;
                }
                g.upload(v);
            };
        }
    }
}
