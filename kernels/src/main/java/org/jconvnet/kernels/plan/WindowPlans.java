package org.jconvnet.kernels.plan;

import static org.jconvnet.kernels.plan.Contract.flag;
import static org.jconvnet.kernels.plan.KernelPlans.chunked;

import java.util.List;
import org.jconvnet.api.kernel.contract.Norm;
import org.jconvnet.api.kernel.contract.Pool;

/**
 * Plans of the windowed layers over pool.kc and norm.kc: pool, cmrnorm, rnorm and cnorm.
 */
final class WindowPlans {
    private WindowPlans() {
    }

    // ---- pool ---------------------------------------------------------------------------------

    private static Launch.Builder poolInts(Launch.Builder b, Pool.Shape s, int n) {
        return b.integer("numCases", n).integer("channels", s.channels()).integer("imgSize", s.imgSize())
                .integer("sizeX", s.sizeX()).integer("start", s.start()).integer("stride", s.stride())
                .integer("outputsX", s.outputsX()).integer("average", flag(s.average()));
    }

    static List<Launch> poolForward(Pool.Forward call) {
        Contract c = new Contract("pool/forward");
        Pool.Shape s = call.shape();
        int n = call.numCases();
        Launch.Builder b = Launch.of("pool.kc", "pool_forward").tensor("input", c.t("input", call.input(), s.inputRows() * n))
                .tensor("output", c.t("output", call.output(), s.outputRows() * n));
        return List.of(poolInts(b, s, n).items(chunked(s.outputRows(), n)));
    }

    static List<Launch> poolBackwardInput(Pool.BackwardInput call) {
        Contract c = new Contract("pool/backward-input");
        Pool.Shape s = call.shape();
        int n = call.numCases();
        long in = s.inputRows() * n;
        long out = s.outputRows() * n;
        Launch.Builder b = Launch.of("pool.kc", "pool_backward_input").tensor("input", c.t("input", call.input(), in))
                .tensor("output", c.t("output", call.output(), out))
                .tensor("outputGrad", c.t("outputGrad", call.outputGrad(), out))
                .tensor("inputGrad", c.t("inputGrad", call.inputGrad(), in));
        return List.of(poolInts(b, s, n).integer("accumulate", flag(call.accumulate()))
                .items(chunked((long) s.channels() * s.imgSize(), n))); // one per image row
    }

    // ---- cmrnorm, rnorm, cnorm ----------------------------------------------------------------

    /** One work-item per CASE_CHUNK cases of each (map, pixel) row. */
    private static long normItems(Norm.Shape s, int n) {
        return chunked(s.rows(), n);
    }

    private static Launch.Builder normInts(Launch.Builder b, Norm.Shape s, int n) {
        return b.integer("numCases", n).integer("channels", s.channels()).integer("imgSize", s.imgSize())
                .integer("size", s.size());
    }

    /** cmrnorm, rnorm: one launch; cnorm: mean differences, then denominators and outputs. */
    static List<Launch> normForward(Norm.Forward call) {
        Norm.Shape s = call.shape();
        int n = call.numCases();
        Contract c = new Contract(s.kind().layerType() + "/forward");
        long e = s.rows() * n;
        String kind = s.kind().layerType();
        Launch.Builder b = Launch.of("norm.kc", kind + "_forward").tensor("input", c.t("input", call.input(), e));
        List<Launch> before = List.of();
        if (s.kind() == Norm.Kind.CNORM) {
            Launch diffs = normInts(Launch.of("norm.kc", "cnorm_mean_diffs").tensor("input", c.t("input", call.input(), e))
                    .tensor("meanDiffs", c.t("meanDiffs", call.meanDiffs(), e)), s, n).items(normItems(s, n));
            before = List.of(diffs);
            b = b.tensor("meanDiffs", c.t("meanDiffs", call.meanDiffs(), e));
        }
        b = normInts(b.tensor("output", c.t("output", call.output(), e)).tensor("denoms", c.t("denoms", call.denoms(), e)),
                s, n);
        if (s.kind() == Norm.Kind.CMRNORM) {
            b = b.integer("blocked", flag(s.blocked()));
        }
        Launch out = b.real("addScale", s.addScale()).real("powv", s.pow()).real("minDiv", s.minDiv())
                .items(normItems(s, n));
        return before.isEmpty() ? List.of(out) : List.of(before.get(0), out);
    }

    /** cmrnorm, rnorm: one launch; cnorm: the V = m * U term into scratch, then the exact gradient (cuda-convnet.md §10.8). */
    static List<Launch> normBackwardInput(Norm.BackwardInput call) {
        Norm.Shape s = call.shape();
        int n = call.numCases();
        Contract c = new Contract(s.kind().layerType() + "/backward-input");
        long e = s.rows() * n;
        int acc = flag(call.accumulate());
        if (s.kind() == Norm.Kind.CNORM) {
            Launch v = normInts(Launch.of("norm.kc", "cnorm_backward_v").tensor("output", c.t("output", call.output(), e))
                    .tensor("denoms", c.t("denoms", call.denoms(), e))
                    .tensor("outputGrad", c.t("outputGrad", call.outputGrad(), e))
                    .tensor("meanDiffs", c.t("meanDiffs", call.meanDiffs(), e)).scratch("v", "cnorm.v", e), s, n)
                    .items(normItems(s, n));
            Launch grad = normInts(Launch.of("norm.kc", "cnorm_backward_input").tensor("denoms", c.t("denoms", call.denoms(), e))
                    .tensor("outputGrad", c.t("outputGrad", call.outputGrad(), e)).scratch("v", "cnorm.v", e)
                    .tensor("inputGrad", c.t("inputGrad", call.inputGrad(), e)), s, n)
                    .real("addScale", s.addScale()).real("powv", s.pow()).integer("accumulate", acc).items(normItems(s, n));
            return List.of(v, grad);
        }
        Launch.Builder b = normInts(Launch.of("norm.kc", s.kind().layerType() + "_backward_input")
                .tensor("input", c.t("input", call.input(), e)).tensor("output", c.t("output", call.output(), e))
                .tensor("denoms", c.t("denoms", call.denoms(), e))
                .tensor("outputGrad", c.t("outputGrad", call.outputGrad(), e))
                .tensor("inputGrad", c.t("inputGrad", call.inputGrad(), e)), s, n);
        if (s.kind() == Norm.Kind.CMRNORM) {
            b = b.integer("blocked", flag(s.blocked()));
        }
        return List.of(b.real("addScale", s.addScale()).real("powv", s.pow()).integer("accumulate", acc)
                .items(normItems(s, n)));
    }
}
