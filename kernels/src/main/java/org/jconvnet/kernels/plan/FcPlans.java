package org.jconvnet.kernels.plan;

import static org.jconvnet.kernels.plan.Contract.ceil;
import static org.jconvnet.kernels.plan.KernelPlans.FC_CB;
import static org.jconvnet.kernels.plan.KernelPlans.FC_RB;

import java.util.List;
import org.jconvnet.api.kernel.contract.Fc;
import org.jconvnet.api.tensor.Tensor;
import org.jconvnet.kernels.SumSplit;

/**
 * Plans of fc over fc.kc: every op is one strided product, its long sums cut into parts
 * ({@link SumSplit}) when the product alone has too few work-items.
 */
final class FcPlans {
    private FcPlans() {
    }

    /**
     * {@code fc_matmul}, its sum over k cut into parts (SumSplit) when the product alone has too few
     * work-items for a GPU, the parts' products then added by {@code fc_sum_parts}. The partial
     * products stay small: a product is only split when it has fewer than the target's work-items
     * of 16 outputs each, so parts x rows x cols stays under 16 x the target (8 MiB).
     */
    static List<Launch> fcMatmul(boolean accumulateFlag, long splitTarget, Tensor a, Tensor b, Tensor out, int rows, int cols,
                                 int inner, int aRow, int aK, int bK, int bCol, int cRow, int cCol) {
        long blocks = (long) ceil(rows, FC_RB) * ceil(cols, FC_CB);
        SumSplit split = SumSplit.of(blocks, inner, splitTarget);
        boolean partial = split.parts() > 1;
        long partialFloats = (long) split.parts() * rows * cols;
        Launch.Builder m = Launch.of("fc.kc", "fc_matmul").tensor("a", a).tensor("b", b);
        m = partial ? m.scratch("out", "fc.partials", partialFloats) : m.tensor("out", out);
        Launch product = m.integer("rows", rows).integer("cols", cols).integer("inner", inner).integer("aRow", aRow)
                .integer("aK", aK).integer("bK", bK).integer("bCol", bCol)
                .integer("cRow", partial ? cols : cRow).integer("cCol", partial ? 1 : cCol)
                .integer("kPerPart", split.perPart()).integer("partStride", partial ? rows * cols : 0)
                .integer("accumulate", partial ? 0 : Contract.flag(accumulateFlag)).items(split.parts() * blocks);
        if (!partial) {
            return List.of(product);
        }
        return List.of(product, Launch.of("fc.kc", "fc_sum_parts").scratch("partials", "fc.partials", partialFloats)
                .tensor("out", out).integer("rows", rows).integer("cols", cols).integer("parts", split.parts())
                .integer("cRow", cRow).integer("cCol", cCol).integer("accumulate", Contract.flag(accumulateFlag))
                .items((long) rows * cols));
    }

    /** output (Dout x N) = W^T input; W is Din x Dout Fortran-ordered (W[i,j] at j*Din + i). */
    static List<Launch> fcForward(Fc.Forward call, PlanOptions options) {
        Contract c = new Contract("fc/forward");
        int n = call.numCases();
        int din = call.shape().inputs();
        int dout = call.shape().outputs();
        return fcMatmul(call.accumulate(), options.splitItems(), c.t("weights", call.weights(), (long) din * dout),
                c.t("input", call.input(), (long) din * n), c.t("output", call.output(), (long) dout * n),
                dout, n, din, din, 1, n, 1, n, 1);
    }

    /** inputGrad (Din x N) = W outputGrad. */
    static List<Launch> fcBackwardInput(Fc.BackwardInput call, PlanOptions options) {
        Contract c = new Contract("fc/backward-input");
        int n = call.numCases();
        int din = call.shape().inputs();
        int dout = call.shape().outputs();
        return fcMatmul(call.accumulate(), options.splitItems(), c.t("weights", call.weights(), (long) din * dout),
                c.t("outputGrad", call.outputGrad(), (long) dout * n), c.t("inputGrad", call.inputGrad(), (long) din * n),
                din, n, dout, 1, din, n, 1, n, 1);
    }

    /** dW (Din x Dout, Fortran) = input outputGrad^T. */
    static List<Launch> fcBackwardWeights(Fc.BackwardWeights call, PlanOptions options) {
        Contract c = new Contract("fc/backward-weights");
        int n = call.numCases();
        int din = call.shape().inputs();
        int dout = call.shape().outputs();
        return fcMatmul(call.accumulate(), options.splitItems(), c.t("input", call.input(), (long) din * n),
                c.t("outputGrad", call.outputGrad(), (long) dout * n),
                c.t("weightsGrad", call.weightsGrad(), (long) din * dout), din, dout, n, n, 1, 1, n, 1, din);
    }
}
