package org.jconvnet.kernels.plan;

import static org.jconvnet.kernels.plan.KernelPlans.chunked;

import java.util.List;
import org.jconvnet.api.kernel.KernelArgs;
import org.jconvnet.api.tensor.Tensor;

/**
 * Plans of the remaining layers and the SGD step: tensor.kc, bias.kc, neuron.kc, softmax.kc,
 * cost.kc and elt.kc.
 */
final class ElementwisePlans {
    private ElementwisePlans() {
    }

    // ---- tensor, bias -------------------------------------------------------------------------

    static List<Launch> sgd(KernelArgs args) {
        Contract c = new Contract(args, "tensor/sgd");
        Tensor w = c.t("weights");
        long n = w.size();
        return List.of(Launch.of("tensor.kc", "tensor_sgd").tensor("weights", w).tensor("grad", c.t("grad", n))
                .tensor("inc", c.t("inc", n)).integer("n", c.count(n)).real("gradScale", c.r("gradScale"))
                .real("mom", c.r("mom")).real("decay", c.r("decay")).items(n));
    }

    static List<Launch> biasForward(KernelArgs args) {
        Contract c = new Contract(args, "bias/forward");
        int n = c.i("numCases");
        int repeat = c.i("repeat");
        Tensor out = c.t("output");
        int rows = c.count(out.size() / Math.max(1, n));
        return List.of(Launch.of("bias.kc", "bias_forward").tensor("output", out)
                .tensor("biases", c.t("biases", rows / Math.max(1, repeat))).integer("rows", rows).integer("numCases", n)
                .integer("repeat", repeat).items(chunked(rows, n)));
    }

    /** Row sums into scratch, then sums of each block of {@code repeat} rows: deterministic, no atomics. */
    static List<Launch> biasBackwardWeights(KernelArgs args) {
        Contract c = new Contract(args, "bias/backward-weights");
        int n = c.i("numCases");
        int repeat = c.i("repeat");
        Tensor g = c.t("outputGrad");
        int rows = c.count(g.size() / Math.max(1, n));
        int biases = rows / Math.max(1, repeat);
        return List.of(
                Launch.of("bias.kc", "bias_row_sums").tensor("outputGrad", g).scratch("rowSums", "bias.rowSums", rows)
                        .integer("rows", rows).integer("numCases", n).items(rows),
                Launch.of("bias.kc", "bias_block_sums").scratch("rowSums", "bias.rowSums", rows)
                        .tensor("biasesGrad", c.t("biasesGrad", biases)).integer("biases", biases).integer("repeat", repeat)
                        .items(biases));
    }

    // ---- neuron, softmax, costs, elementwise --------------------------------------------------

    static List<Launch> neuronForward(KernelArgs args) {
        Contract c = new Contract(args, "neuron/forward");
        Tensor in = c.t("input");
        long n = in.size();
        return List.of(Launch.of("neuron.kc", "neuron_forward").tensor("input", in).tensor("output", c.t("output", n))
                .integer("n", c.count(n)).integer("function", c.i("function")).real("a", c.r("a")).real("b", c.r("b"))
                .items(n));
    }

    static List<Launch> neuronBackwardInput(KernelArgs args) {
        Contract c = new Contract(args, "neuron/backward-input");
        Tensor in = c.t("input");
        long n = in.size();
        return List.of(Launch.of("neuron.kc", "neuron_backward_input").tensor("input", in)
                .tensor("output", c.t("output", n)).tensor("outputGrad", c.t("outputGrad", n))
                .tensor("inputGrad", c.t("inputGrad", n)).integer("n", c.count(n)).integer("function", c.i("function"))
                .real("a", c.r("a")).real("b", c.r("b")).integer("accumulate", c.i("accumulate")).items(n));
    }

    static List<Launch> softmaxForward(KernelArgs args) {
        Contract c = new Contract(args, "softmax/forward");
        int n = c.i("numCases");
        int d = c.i("classes");
        return List.of(Launch.of("softmax.kc", "softmax_forward").tensor("input", c.t("input", (long) d * n))
                .tensor("output", c.t("output", (long) d * n)).integer("numCases", n).integer("classes", d).items(n));
    }

    static List<Launch> softmaxBackwardInput(KernelArgs args) {
        Contract c = new Contract(args, "softmax/backward-input");
        int n = c.i("numCases");
        int d = c.i("classes");
        long size = (long) d * n;
        return List.of(Launch.of("softmax.kc", "softmax_backward_input").tensor("output", c.t("output", size))
                .tensor("outputGrad", c.t("outputGrad", size)).tensor("inputGrad", c.t("inputGrad", size))
                .integer("numCases", n).integer("classes", d).integer("accumulate", c.i("accumulate")).items(n));
    }

    static List<Launch> logregForward(KernelArgs args) {
        Contract c = new Contract(args, "cost.logreg/forward");
        int n = c.i("numCases");
        int k = c.i("classes");
        return List.of(Launch.of("cost.kc", "logreg_forward").tensor("labels", c.t("labels", n))
                .tensor("probs", c.t("probs", (long) k * n)).tensor("output", c.t("output", 2L * n))
                .integer("numCases", n).integer("classes", k).items(n));
    }

    static List<Launch> logregBackward(KernelArgs args, String entry) {
        Contract c = new Contract(args, "cost.logreg/" + entry);
        int n = c.i("numCases");
        int k = c.i("classes");
        return List.of(Launch.of("cost.kc", entry).tensor("labels", c.t("labels", n))
                .tensor("probs", c.t("probs", (long) k * n)).tensor("inputGrad", c.t("inputGrad", (long) k * n))
                .integer("numCases", n).integer("classes", k).real("coeff", c.r("coeff"))
                .integer("accumulate", c.i("accumulate")).items((long) k * n));
    }

    static List<Launch> sum2Forward(KernelArgs args) {
        Contract c = new Contract(args, "cost.sum2/forward");
        int n = c.i("numCases");
        Tensor in = c.t("input");
        int rows = c.count(in.size() / Math.max(1, n));
        return List.of(Launch.of("cost.kc", "sum2_forward").tensor("input", in).tensor("output", c.t("output", n))
                .integer("numCases", n).integer("rows", rows).items(n));
    }

    static List<Launch> sum2BackwardInput(KernelArgs args) {
        Contract c = new Contract(args, "cost.sum2/backward-input");
        Tensor in = c.t("input");
        long n = in.size();
        return List.of(Launch.of("cost.kc", "sum2_backward_input").tensor("input", in)
                .tensor("inputGrad", c.t("inputGrad", n)).integer("n", c.count(n)).real("coeff", c.r("coeff"))
                .integer("accumulate", c.i("accumulate")).items(n));
    }

    static List<Launch> scaledAdd(KernelArgs args, String key, String src, String dst) {
        Contract c = new Contract(args, key);
        Tensor s = c.t(src);
        long n = s.size();
        return List.of(Launch.of("elt.kc", "elt_scaled_add").tensor("src", s).tensor("dst", c.t(dst, n))
                .integer("n", c.count(n)).real("coeff", c.r("coeff")).integer("accumulate", c.i("accumulate")).items(n));
    }

    static List<Launch> eltmaxForward(KernelArgs args) {
        Contract c = new Contract(args, "eltmax/forward");
        Tensor in = c.t("input");
        long n = in.size();
        return List.of(Launch.of("elt.kc", "eltmax_forward").tensor("input", in).tensor("output", c.t("output", n))
                .integer("n", c.count(n)).integer("accumulate", c.i("accumulate")).items(n));
    }

    static List<Launch> eltmaxBackwardInput(KernelArgs args) {
        Contract c = new Contract(args, "eltmax/backward-input");
        Tensor in = c.t("input");
        long n = in.size();
        return List.of(Launch.of("elt.kc", "eltmax_backward_input").tensor("input", in)
                .tensor("output", c.t("output", n)).tensor("outputGrad", c.t("outputGrad", n))
                .tensor("inputGrad", c.t("inputGrad", n)).integer("n", c.count(n))
                .integer("accumulate", c.i("accumulate")).items(n));
    }
}
