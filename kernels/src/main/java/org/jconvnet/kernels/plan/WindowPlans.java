package org.jconvnet.kernels.plan;

import static org.jconvnet.kernels.plan.KernelPlans.chunked;

import java.util.List;
import org.jconvnet.api.kernel.KernelArgs;

/**
 * Plans of the windowed layers over pool.kc and norm.kc: pool, cmrnorm, rnorm and cnorm.
 */
final class WindowPlans {
    private WindowPlans() {
    }

    // ---- pool ---------------------------------------------------------------------------------

    private static Launch.Builder poolInts(Launch.Builder b, Contract c) {
        return b.integer("numCases", c.i("numCases")).integer("channels", c.i("channels")).integer("imgSize", c.i("imgSize"))
                .integer("sizeX", c.i("sizeX")).integer("start", c.i("start")).integer("stride", c.i("stride"))
                .integer("outputsX", c.i("outputsX")).integer("average", c.i("average"));
    }

    private static long poolIn(Contract c) {
        return (long) c.i("channels") * c.i("imgSize") * c.i("imgSize") * c.i("numCases");
    }

    private static long poolOut(Contract c) {
        return (long) c.i("channels") * c.i("outputsX") * c.i("outputsX") * c.i("numCases");
    }

    static List<Launch> poolForward(KernelArgs args) {
        Contract c = new Contract(args, "pool/forward");
        Launch.Builder b = Launch.of("pool.kc", "pool_forward").tensor("input", c.t("input", poolIn(c)))
                .tensor("output", c.t("output", poolOut(c)));
        return List.of(poolInts(b, c).items(chunked((long) c.i("channels") * c.i("outputsX") * c.i("outputsX"),
                c.i("numCases"))));
    }

    static List<Launch> poolBackwardInput(KernelArgs args) {
        Contract c = new Contract(args, "pool/backward-input");
        Launch.Builder b = Launch.of("pool.kc", "pool_backward_input").tensor("input", c.t("input", poolIn(c)))
                .tensor("output", c.t("output", poolOut(c))).tensor("outputGrad", c.t("outputGrad", poolOut(c)))
                .tensor("inputGrad", c.t("inputGrad", poolIn(c)));
        return List.of(poolInts(b, c).integer("accumulate", c.i("accumulate"))
                .items(chunked((long) c.i("channels") * c.i("imgSize"), c.i("numCases")))); // one per image row
    }

    // ---- cmrnorm, rnorm, cnorm ----------------------------------------------------------------

    private static long normSize(Contract c) {
        return (long) c.i("channels") * c.i("imgSize") * c.i("imgSize") * c.i("numCases");
    }

    /** One work-item per CASE_CHUNK cases of each (map, pixel) row. */
    private static long normItems(Contract c) {
        return chunked((long) c.i("channels") * c.i("imgSize") * c.i("imgSize"), c.i("numCases"));
    }

    private static Launch.Builder normInts(Launch.Builder b, Contract c) {
        return b.integer("numCases", c.i("numCases")).integer("channels", c.i("channels"))
                .integer("imgSize", c.i("imgSize")).integer("size", c.i("size"));
    }

    static List<Launch> cmrnormForward(KernelArgs args) {
        Contract c = new Contract(args, "cmrnorm/forward");
        long e = normSize(c);
        Launch.Builder b = Launch.of("norm.kc", "cmrnorm_forward").tensor("input", c.t("input", e))
                .tensor("output", c.t("output", e)).tensor("denoms", c.t("denoms", e));
        return List.of(normInts(b, c).integer("blocked", c.i("blocked")).real("addScale", c.r("addScale"))
                .real("powv", c.r("pow")).real("minDiv", c.r("minDiv")).items(normItems(c)));
    }

    static List<Launch> cmrnormBackwardInput(KernelArgs args) {
        Contract c = new Contract(args, "cmrnorm/backward-input");
        long e = normSize(c);
        Launch.Builder b = Launch.of("norm.kc", "cmrnorm_backward_input").tensor("input", c.t("input", e))
                .tensor("output", c.t("output", e)).tensor("denoms", c.t("denoms", e))
                .tensor("outputGrad", c.t("outputGrad", e)).tensor("inputGrad", c.t("inputGrad", e));
        return List.of(normInts(b, c).integer("blocked", c.i("blocked")).real("addScale", c.r("addScale"))
                .real("powv", c.r("pow")).integer("accumulate", c.i("accumulate")).items(normItems(c)));
    }

    static List<Launch> rnormForward(KernelArgs args) {
        Contract c = new Contract(args, "rnorm/forward");
        long e = normSize(c);
        Launch.Builder b = Launch.of("norm.kc", "rnorm_forward").tensor("input", c.t("input", e))
                .tensor("output", c.t("output", e)).tensor("denoms", c.t("denoms", e));
        return List.of(normInts(b, c).real("addScale", c.r("addScale")).real("powv", c.r("pow"))
                .real("minDiv", c.r("minDiv")).items(normItems(c)));
    }

    static List<Launch> rnormBackwardInput(KernelArgs args) {
        Contract c = new Contract(args, "rnorm/backward-input");
        long e = normSize(c);
        Launch.Builder b = Launch.of("norm.kc", "rnorm_backward_input").tensor("input", c.t("input", e))
                .tensor("output", c.t("output", e)).tensor("denoms", c.t("denoms", e))
                .tensor("outputGrad", c.t("outputGrad", e)).tensor("inputGrad", c.t("inputGrad", e));
        return List.of(normInts(b, c).real("addScale", c.r("addScale")).real("powv", c.r("pow"))
                .integer("accumulate", c.i("accumulate")).items(normItems(c)));
    }

    /** Mean differences, then denominators and outputs. */
    static List<Launch> cnormForward(KernelArgs args) {
        Contract c = new Contract(args, "cnorm/forward");
        long e = normSize(c);
        Launch diffs = normInts(Launch.of("norm.kc", "cnorm_mean_diffs").tensor("input", c.t("input", e))
                .tensor("meanDiffs", c.t("meanDiffs", e)), c).items(normItems(c));
        Launch out = normInts(Launch.of("norm.kc", "cnorm_forward").tensor("input", c.t("input", e))
                .tensor("meanDiffs", c.t("meanDiffs", e)).tensor("output", c.t("output", e))
                .tensor("denoms", c.t("denoms", e)), c).real("addScale", c.r("addScale")).real("powv", c.r("pow"))
                .real("minDiv", c.r("minDiv")).items(normItems(c));
        return List.of(diffs, out);
    }

    /** The V = m * U term into scratch, then the exact gradient (cuda-convnet.md §10.8). */
    static List<Launch> cnormBackwardInput(KernelArgs args) {
        Contract c = new Contract(args, "cnorm/backward-input");
        long e = normSize(c);
        Launch v = normInts(Launch.of("norm.kc", "cnorm_backward_v").tensor("output", c.t("output", e))
                .tensor("denoms", c.t("denoms", e)).tensor("outputGrad", c.t("outputGrad", e))
                .tensor("meanDiffs", c.t("meanDiffs", e)).scratch("v", "cnorm.v", e), c).items(normItems(c));
        Launch grad = normInts(Launch.of("norm.kc", "cnorm_backward_input").tensor("denoms", c.t("denoms", e))
                .tensor("outputGrad", c.t("outputGrad", e)).scratch("v", "cnorm.v", e)
                .tensor("inputGrad", c.t("inputGrad", e)), c).real("addScale", c.r("addScale")).real("powv", c.r("pow"))
                .integer("accumulate", c.i("accumulate")).items(normItems(c));
        return List.of(v, grad);
    }
}
