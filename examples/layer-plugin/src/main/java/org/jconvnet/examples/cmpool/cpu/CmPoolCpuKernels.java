package org.jconvnet.examples.cmpool.cpu;

import java.util.Map;
import org.jconvnet.api.ApiVersion;
import org.jconvnet.api.kernel.KernelArgs;
import org.jconvnet.api.kernel.KernelFactory;
import org.jconvnet.api.kernel.KernelKey;
import org.jconvnet.api.kernel.KernelProvider;
import org.jconvnet.api.kernel.Ops;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.backend.cpu.CpuTensor;
import org.jconvnet.examples.cmpool.CmPoolContract;
import org.jconvnet.examples.cmpool.CmPoolGeometry;

/**
 * {@code cmpool} forward and backward-input on the CPU reference, written for clarity: one loop
 * nest per op, following the contract's formulas literally. float32 and float64 share the loop
 * through {@link Values}, a view of either array.
 */
public final class CmPoolCpuKernels implements KernelProvider {

    @Override
    public int apiVersion() {
        return ApiVersion.CURRENT;
    }

    @Override
    public String backendId() {
        return "cpu";
    }

    @Override
    public Map<KernelKey, KernelFactory> kernels() {
        return Map.of(
                KernelKey.of(CmPoolContract.TYPE, Ops.FORWARD, DType.FLOAT32), b -> CmPoolCpuKernels::forward,
                KernelKey.of(CmPoolContract.TYPE, Ops.FORWARD, DType.FLOAT64), b -> CmPoolCpuKernels::forward,
                KernelKey.of(CmPoolContract.TYPE, Ops.BACKWARD_INPUT, DType.FLOAT32), b -> CmPoolCpuKernels::backwardInput,
                KernelKey.of(CmPoolContract.TYPE, Ops.BACKWARD_INPUT, DType.FLOAT64), b -> CmPoolCpuKernels::backwardInput);
    }

    /** {@code output[o,p,n] = max over c in window(o) of input[c,p,n]}. */
    static void forward(KernelArgs a) {
        CmPoolGeometry g = CmPoolContract.geometry(a);
        int n = a.integer("numCases");
        int pixels = g.imgPixels();
        Values in = Values.of(CpuTensor.of(a.tensor("input")));
        Values out = Values.of(CpuTensor.of(a.tensor("output")));
        for (int o = 0; o < g.outputs(); o++) {
            for (int p = 0; p < pixels; p++) {
                for (int k = 0; k < n; k++) {
                    double best = CmPoolContract.EMPTY_MAX;
                    for (int c = g.windowStart(o); c < g.windowEnd(o); c++) {
                        double v = in.get((c * pixels + p) * n + k);
                        if (v > best) {
                            best = v;
                        }
                    }
                    out.set((o * pixels + p) * n + k, best);
                }
            }
        }
    }

    /**
     * {@code inputGrad[c,p,n] (+)= sum over windows o containing c, in ascending o, of
     * outputGrad[o,p,n] where input[c,p,n] == output[o,p,n]}: every tied maximum gets the gradient.
     */
    static void backwardInput(KernelArgs a) {
        CmPoolGeometry g = CmPoolContract.geometry(a);
        int n = a.integer("numCases");
        boolean accumulate = a.flag("accumulate");
        int pixels = g.imgPixels();
        Values in = Values.of(CpuTensor.of(a.tensor("input")));
        Values out = Values.of(CpuTensor.of(a.tensor("output")));
        Values outGrad = Values.of(CpuTensor.of(a.tensor("outputGrad")));
        Values inGrad = Values.of(CpuTensor.of(a.tensor("inputGrad")));
        for (int c = 0; c < g.channels(); c++) {
            int first = g.firstOutputContaining(c);
            int last = g.lastOutputContaining(c);
            for (int p = 0; p < pixels; p++) {
                for (int k = 0; k < n; k++) {
                    int i = (c * pixels + p) * n + k;
                    double x = in.get(i);
                    double sum = 0;
                    for (int o = first; o <= last; o++) {
                        int j = (o * pixels + p) * n + k;
                        if (x == out.get(j)) {
                            sum = inGrad.round(sum + outGrad.get(j));
                        }
                    }
                    inGrad.set(i, accumulate ? inGrad.get(i) + sum : sum);
                }
            }
        }
    }
}
