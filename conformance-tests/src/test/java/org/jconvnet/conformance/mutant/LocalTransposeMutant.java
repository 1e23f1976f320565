package org.jconvnet.conformance.mutant;

import org.jconvnet.api.kernel.Kernel;
import org.jconvnet.api.kernel.Ops;
import org.jconvnet.api.kernel.contract.Filter;
import org.jconvnet.api.tensor.Tensor;
import org.jconvnet.backend.cpu.CpuTensor;

/**
 * The local layer's forward kernel reads its weights with fy and fx swapped, i.e. each filter
 * transposed: the classic layout bug. Every other kernel is the reference's.
 */
public final class LocalTransposeMutant {
    /** The backend id. */
    public static final String ID = "mutant-local-transpose";

    private LocalTransposeMutant() {
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
            super(ID, "local", Ops.FORWARD);
        }

        @Override
        Kernel corrupted(Kernel clean) {
            return call -> {
                Filter.Forward args = (Filter.Forward) call;
                Tensor w = args.weights();
                int fs = args.shape().filterSize();
                int f = args.shape().filters();
                double[] v = w.download();
                double[] t = new double[v.length];
                int block = fs * fs * f;
                for (int base = 0; base < v.length; base += block) {
                    for (int fy = 0; fy < fs; fy++) {
                        for (int fx = 0; fx < fs; fx++) {
                            for (int k = 0; k < f; k++) {
                                t[base + (fy * fs + fx) * f + k] = v[base + (fx * fs + fy) * f + k];
                            }
                        }
                    }
                }
                try (CpuTensor copy = new CpuTensor(w.rows(), w.cols(), w.dtype())) {
                    copy.upload(t);
                    clean.launch(new Filter.Forward(args.shape(), args.numCases(), args.accumulate(), args.input(), copy,
                            args.output()));
                }
            };
        }
    }
}
