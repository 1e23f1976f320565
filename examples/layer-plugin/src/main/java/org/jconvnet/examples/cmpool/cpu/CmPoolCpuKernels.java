package org.jconvnet.examples.cmpool.cpu;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import org.jconvnet.api.ApiVersion;
import org.jconvnet.api.kernel.KernelCall;
import org.jconvnet.api.kernel.KernelFactory;
import org.jconvnet.api.kernel.KernelKey;
import org.jconvnet.api.kernel.KernelOp;
import org.jconvnet.api.kernel.KernelProvider;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.backend.cpu.numeric.Elements;
import org.jconvnet.backend.cpu.numeric.Precision;
import org.jconvnet.examples.cmpool.CmPoolContract;
import org.jconvnet.examples.cmpool.CmPoolGeometry;

/**
 * {@code cmpool} forward and backward-input on the CPU reference, written for clarity: one loop
 * nest per op, following the contract's formulas literally. float32 and float64 share the loop
 * through the CPU reference's own {@link Elements} view and {@link Precision} rounding.
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
        Map<KernelKey, KernelFactory> m = new LinkedHashMap<>();
        for (DType dtype : DType.values()) {
            bind(m, CmPoolContract.FORWARD, dtype, CmPoolCpuKernels::forward);
            bind(m, CmPoolContract.BACKWARD_INPUT, dtype, CmPoolCpuKernels::backwardInput);
        }
        return m;
    }

    /** Binds {@code op} for {@code dtype} to {@code body}, which receives the op's record with the dtype's precision. */
    private static <C extends KernelCall> void bind(Map<KernelKey, KernelFactory> m, KernelOp<C> op, DType dtype,
                                                    BiConsumer<C, Precision> body) {
        KernelKey key = op.key(dtype);
        Precision p = Precision.of(dtype);
        m.put(key, backend -> call -> body.accept(op.cast(key, call), p));
    }

    /** {@code output[o,p,n] = max over c in window(o) of input[c,p,n]}. */
    static void forward(CmPoolContract.Forward a, Precision precision) {
        CmPoolGeometry g = a.geometry();
        int n = a.numCases();
        int pixels = g.imgPixels();
        Elements in = Elements.of(a.input());
        Elements out = Elements.of(a.output());
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
     * Partial sums are rounded to the launch's precision, as a float32 device kernel rounds them
     * (bit-identical results, not just close ones).
     */
    static void backwardInput(CmPoolContract.BackwardInput a, Precision precision) {
        CmPoolGeometry g = a.geometry();
        int n = a.numCases();
        int pixels = g.imgPixels();
        Elements in = Elements.of(a.input());
        Elements out = Elements.of(a.output());
        Elements outGrad = Elements.of(a.outputGrad());
        Elements inGrad = Elements.of(a.inputGrad());
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
                            sum = precision.round(sum + outGrad.get(j));
                        }
                    }
                    inGrad.put(i, sum, a.accumulate());
                }
            }
        }
    }
}
