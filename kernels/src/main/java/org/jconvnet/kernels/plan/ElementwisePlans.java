package org.jconvnet.kernels.plan;

import static org.jconvnet.kernels.plan.Contract.flag;
import static org.jconvnet.kernels.plan.KernelPlans.chunked;

import java.util.List;
import org.jconvnet.api.kernel.contract.Bias;
import org.jconvnet.api.kernel.contract.Eltmax;
import org.jconvnet.api.kernel.contract.Eltsum;
import org.jconvnet.api.kernel.contract.Logreg;
import org.jconvnet.api.kernel.contract.Neuron;
import org.jconvnet.api.kernel.contract.Sgd;
import org.jconvnet.api.kernel.contract.Softmax;
import org.jconvnet.api.kernel.contract.Sum2;
import org.jconvnet.api.tensor.Tensor;

/**
 * Plans of the remaining layers and the SGD step: tensor.kc, bias.kc, neuron.kc, softmax.kc,
 * cost.kc and elt.kc.
 */
final class ElementwisePlans {
    private ElementwisePlans() {
    }

    // ---- tensor, bias -------------------------------------------------------------------------

    static List<Launch> sgd(Sgd call) {
        Contract c = new Contract("tensor/sgd");
        Tensor w = c.t("weights", call.weights());
        long n = w.size();
        return List.of(Launch.of("tensor.kc", "tensor_sgd").tensor("weights", w).tensor("grad", c.t("grad", call.grad(), n))
                .tensor("inc", c.t("inc", call.inc(), n)).integer("n", c.count(n)).real("gradScale", call.gradScale())
                .real("mom", call.mom()).real("decay", call.decay()).items(n));
    }

    static List<Launch> biasForward(Bias.Forward call) {
        Contract c = new Contract("bias/forward");
        int n = call.numCases();
        int repeat = call.repeat();
        Tensor out = c.t("output", call.output());
        int rows = c.count(out.size() / Math.max(1, n));
        return List.of(Launch.of("bias.kc", "bias_forward").tensor("output", out)
                .tensor("biases", c.t("biases", call.biases(), rows / Math.max(1, repeat))).integer("rows", rows)
                .integer("numCases", n).integer("repeat", repeat).items(chunked(rows, n)));
    }

    /** Row sums into scratch, then sums of each block of {@code repeat} rows: deterministic, no atomics. */
    static List<Launch> biasBackwardWeights(Bias.BackwardWeights call) {
        Contract c = new Contract("bias/backward-weights");
        int n = call.numCases();
        int repeat = call.repeat();
        Tensor g = c.t("outputGrad", call.outputGrad());
        int rows = c.count(g.size() / Math.max(1, n));
        int biases = rows / Math.max(1, repeat);
        return List.of(
                Launch.of("bias.kc", "bias_row_sums").tensor("outputGrad", g).scratch("rowSums", "bias.rowSums", rows)
                        .integer("rows", rows).integer("numCases", n).items(rows),
                Launch.of("bias.kc", "bias_block_sums").scratch("rowSums", "bias.rowSums", rows)
                        .tensor("biasesGrad", c.t("biasesGrad", call.biasesGrad(), biases)).integer("biases", biases)
                        .integer("repeat", repeat).items(biases));
    }

    // ---- neuron, softmax, costs, elementwise --------------------------------------------------

    static List<Launch> neuronForward(Neuron.Forward call) {
        Contract c = new Contract("neuron/forward");
        Tensor in = c.t("input", call.input());
        long n = in.size();
        Neuron.Function f = call.neuron();
        return List.of(Launch.of("neuron.kc", "neuron_forward").tensor("input", in)
                .tensor("output", c.t("output", call.output(), n)).integer("n", c.count(n)).integer("function", f.function())
                .real("a", f.a()).real("b", f.b()).items(n));
    }

    static List<Launch> neuronBackwardInput(Neuron.BackwardInput call) {
        Contract c = new Contract("neuron/backward-input");
        Tensor in = c.t("input", call.input());
        long n = in.size();
        Neuron.Function f = call.neuron();
        return List.of(Launch.of("neuron.kc", "neuron_backward_input").tensor("input", in)
                .tensor("output", c.t("output", call.output(), n)).tensor("outputGrad", c.t("outputGrad", call.outputGrad(), n))
                .tensor("inputGrad", c.t("inputGrad", call.inputGrad(), n)).integer("n", c.count(n))
                .integer("function", f.function()).real("a", f.a()).real("b", f.b())
                .integer("accumulate", flag(call.accumulate())).items(n));
    }

    static List<Launch> softmaxForward(Softmax.Forward call) {
        Contract c = new Contract("softmax/forward");
        int n = call.numCases();
        int d = call.classes();
        return List.of(Launch.of("softmax.kc", "softmax_forward").tensor("input", c.t("input", call.input(), (long) d * n))
                .tensor("output", c.t("output", call.output(), (long) d * n)).integer("numCases", n).integer("classes", d)
                .items(n));
    }

    static List<Launch> softmaxBackwardInput(Softmax.BackwardInput call) {
        Contract c = new Contract("softmax/backward-input");
        int n = call.numCases();
        int d = call.classes();
        long size = (long) d * n;
        return List.of(Launch.of("softmax.kc", "softmax_backward_input").tensor("output", c.t("output", call.output(), size))
                .tensor("outputGrad", c.t("outputGrad", call.outputGrad(), size))
                .tensor("inputGrad", c.t("inputGrad", call.inputGrad(), size))
                .integer("numCases", n).integer("classes", d).integer("accumulate", flag(call.accumulate())).items(n));
    }

    static List<Launch> logregForward(Logreg.Forward call) {
        Contract c = new Contract("cost.logreg/forward");
        int n = call.numCases();
        int k = call.classes();
        return List.of(Launch.of("cost.kc", "logreg_forward").tensor("labels", c.t("labels", call.labels(), n))
                .tensor("probs", c.t("probs", call.probs(), (long) k * n)).tensor("output", c.t("output", call.output(), 2L * n))
                .integer("numCases", n).integer("classes", k).items(n));
    }

    /** {@code logreg_backward_input} or, through the softmax, {@code logreg_backward_softmax}. */
    static List<Launch> logregBackward(Logreg.Backward call) {
        Contract c = new Contract("cost.logreg/" + call.op());
        String entry = call.throughSoftmax() ? "logreg_backward_softmax" : "logreg_backward_input";
        int n = call.numCases();
        int k = call.classes();
        return List.of(Launch.of("cost.kc", entry).tensor("labels", c.t("labels", call.labels(), n))
                .tensor("probs", c.t("probs", call.probs(), (long) k * n))
                .tensor("inputGrad", c.t("inputGrad", call.inputGrad(), (long) k * n))
                .integer("numCases", n).integer("classes", k).real("coeff", call.coeff())
                .integer("accumulate", flag(call.accumulate())).items((long) k * n));
    }

    static List<Launch> sum2Forward(Sum2.Forward call) {
        Contract c = new Contract("cost.sum2/forward");
        int n = call.numCases();
        Tensor in = c.t("input", call.input());
        int rows = c.count(in.size() / Math.max(1, n));
        return List.of(Launch.of("cost.kc", "sum2_forward").tensor("input", in).tensor("output", c.t("output", call.output(), n))
                .integer("numCases", n).integer("rows", rows).items(n));
    }

    static List<Launch> sum2BackwardInput(Sum2.BackwardInput call) {
        Contract c = new Contract("cost.sum2/backward-input");
        Tensor in = c.t("input", call.input());
        long n = in.size();
        return List.of(Launch.of("cost.kc", "sum2_backward_input").tensor("input", in)
                .tensor("inputGrad", c.t("inputGrad", call.inputGrad(), n)).integer("n", c.count(n))
                .real("coeff", call.coeff()).integer("accumulate", flag(call.accumulate())).items(n));
    }

    /** {@code elt_scaled_add}: {@code dst (+)= coeff * src}, eltsum's forward and backward alike. */
    private static List<Launch> scaledAdd(Contract c, String srcName, Tensor src, String dstName, Tensor dst, double coeff,
                                          boolean accumulate) {
        Tensor s = c.t(srcName, src);
        long n = s.size();
        return List.of(Launch.of("elt.kc", "elt_scaled_add").tensor("src", s).tensor("dst", c.t(dstName, dst, n))
                .integer("n", c.count(n)).real("coeff", coeff).integer("accumulate", flag(accumulate)).items(n));
    }

    static List<Launch> eltsumForward(Eltsum.Forward call) {
        return scaledAdd(new Contract("eltsum/forward"), "input", call.input(), "output", call.output(), call.coeff(),
                call.accumulate());
    }

    static List<Launch> eltsumBackwardInput(Eltsum.BackwardInput call) {
        return scaledAdd(new Contract("eltsum/backward-input"), "outputGrad", call.outputGrad(), "inputGrad",
                call.inputGrad(), call.coeff(), call.accumulate());
    }

    static List<Launch> eltmaxForward(Eltmax.Forward call) {
        Contract c = new Contract("eltmax/forward");
        Tensor in = c.t("input", call.input());
        long n = in.size();
        return List.of(Launch.of("elt.kc", "eltmax_forward").tensor("input", in).tensor("output", c.t("output", call.output(), n))
                .integer("n", c.count(n)).integer("accumulate", flag(call.accumulate())).items(n));
    }

    static List<Launch> eltmaxBackwardInput(Eltmax.BackwardInput call) {
        Contract c = new Contract("eltmax/backward-input");
        Tensor in = c.t("input", call.input());
        long n = in.size();
        return List.of(Launch.of("elt.kc", "eltmax_backward_input").tensor("input", in)
                .tensor("output", c.t("output", call.output(), n)).tensor("outputGrad", c.t("outputGrad", call.outputGrad(), n))
                .tensor("inputGrad", c.t("inputGrad", call.inputGrad(), n)).integer("n", c.count(n))
                .integer("accumulate", flag(call.accumulate())).items(n));
    }
}
