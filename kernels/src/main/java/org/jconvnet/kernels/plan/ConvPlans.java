package org.jconvnet.kernels.plan;

import static org.jconvnet.kernels.plan.Contract.ceil;
import static org.jconvnet.kernels.plan.KernelPlans.CONV_CB;
import static org.jconvnet.kernels.plan.KernelPlans.CONV_FB;
import static org.jconvnet.kernels.plan.KernelPlans.CONV_KB;
import static org.jconvnet.kernels.plan.KernelPlans.CONV_TA_ITEMS;
import static org.jconvnet.kernels.plan.KernelPlans.CONV_TA_M;
import static org.jconvnet.kernels.plan.KernelPlans.CONV_TA_N;
import static org.jconvnet.kernels.plan.KernelPlans.CONV_TW_F;
import static org.jconvnet.kernels.plan.KernelPlans.CONV_TW_ITEMS;
import static org.jconvnet.kernels.plan.KernelPlans.CONV_TW_R;
import static org.jconvnet.kernels.plan.KernelPlans.CONV_WF;
import static org.jconvnet.kernels.plan.KernelPlans.CONV_WK;
import static org.jconvnet.kernels.plan.KernelPlans.CPU_WEIGHTS_GROUP;
import static org.jconvnet.kernels.plan.KernelPlans.SPLIT_MAX_PARTIAL_FLOATS;

import java.util.List;
import org.jconvnet.api.kernel.KernelCall;
import org.jconvnet.api.kernel.contract.Filter;
import org.jconvnet.api.tensor.Tensor;
import org.jconvnet.kernels.WeightGradientSplit;

/**
 * Plans of conv and local (cuda-convnet's filterActs, imgActs, weightActs) over conv.kc: the
 * tiled or register-blocked kernel family, and the weight gradient's split into module parts.
 * Constants: {@link KernelPlans}.
 */
public final class ConvPlans {
    private ConvPlans() {
    }

    /** The geometry every conv/local op receives, and the sizes it implies. */
    private static final class ConvDims {
        final Contract c;
        final boolean local;
        final int n;
        final int channels;
        final int imgSize;
        final int filters;
        final int filterSize;
        final int padding;
        final int stride;
        final int modulesX;
        final int groups;
        final int accumulate;

        ConvDims(KernelCall call, Filter.Shape s, int numCases, boolean accumulate) {
            this.local = s.local();
            c = new Contract(call.layerType() + "/" + call.op());
            n = numCases;
            channels = s.channels();
            imgSize = s.imgSize();
            filters = s.filters();
            filterSize = s.filterSize();
            padding = s.padding();
            stride = s.stride();
            modulesX = s.modulesX();
            groups = s.groups();
            this.accumulate = Contract.flag(accumulate);
            if (groups <= 0 || channels % groups != 0 || filters % groups != 0) {
                throw new IllegalArgumentException((local ? "local" : "conv") + ": channels " + channels + " and filters "
                        + filters + " must be multiples of groups " + groups);
            }
        }

        int mm() {
            return modulesX * modulesX;
        }

        int cf() {
            return channels / groups;
        }

        int fg() {
            return filters / groups;
        }

        int bank() {
            return cf() * filterSize * filterSize * filters;
        }

        long inputSize() {
            return (long) channels * imgSize * imgSize * n;
        }

        long outputSize() {
            return (long) filters * mm() * n;
        }

        long weightsSize() {
            return (long) bank() * (local ? mm() : 1);
        }

        /** The integers every conv kernel starts with (numCases to groups). */
        Launch.Builder shape(Launch.Builder b) {
            return b.integer("numCases", n).integer("channels", channels).integer("imgSize", imgSize)
                    .integer("filters", filters).integer("filterSize", filterSize).integer("padding", padding)
                    .integer("stride", stride).integer("modulesX", modulesX).integer("groups", groups);
        }

        /** The integer tail of forward and backward-input. */
        Launch.Builder geometry(Launch.Builder b) {
            return shape(b).integer("moduleWeightStride", local ? bank() : 0).integer("accumulate", accumulate);
        }
    }

    /** conv/local forward with the given kernel family. */
    public static List<Launch> convForward(Filter.Forward call, PlanOptions.ConvKernels kernel) {
        ConvDims d = new ConvDims(call, call.shape(), call.numCases(), call.accumulate());
        boolean tiled = kernel == PlanOptions.ConvKernels.TILED;
        Launch.Builder b = Launch.of("conv.kc", tiled ? "conv_forward_tiled" : "conv_forward")
                .tensor("input", d.c.t("input", call.input(), d.inputSize()))
                .tensor("weights", d.c.t("weights", call.weights(), d.weightsSize()))
                .tensor("output", d.c.t("output", call.output(), d.outputSize()));
        if (tiled) {
            return List.of(d.geometry(b).groups((long) d.groups * d.mm() * ceil(d.fg(), CONV_TA_M) * ceil(d.n, CONV_TA_N),
                    CONV_TA_ITEMS));
        }
        return List.of(d.geometry(b).items((long) d.groups * ceil(d.fg(), CONV_FB) * d.mm() * ceil(d.n, CONV_CB)));
    }

    /** conv/local input gradient with the given kernel family. */
    public static List<Launch> convBackwardInput(Filter.BackwardInput call, PlanOptions.ConvKernels kernel) {
        ConvDims d = new ConvDims(call, call.shape(), call.numCases(), call.accumulate());
        boolean tiled = kernel == PlanOptions.ConvKernels.TILED;
        Launch.Builder b = Launch.of("conv.kc", tiled ? "conv_backward_input_tiled" : "conv_backward_input")
                .tensor("outputGrad", d.c.t("outputGrad", call.outputGrad(), d.outputSize()))
                .tensor("weights", d.c.t("weights", call.weights(), d.weightsSize()))
                .tensor("inputGrad", d.c.t("inputGrad", call.inputGrad(), d.inputSize()));
        long pixels = (long) d.imgSize * d.imgSize;
        if (tiled) {
            return List.of(d.geometry(b).groups(d.groups * pixels * ceil(d.cf(), CONV_TA_M) * ceil(d.n, CONV_TA_N),
                    CONV_TA_ITEMS));
        }
        return List.of(d.geometry(b).items(d.groups * ceil(d.cf(), CONV_KB) * pixels * ceil(d.n, CONV_CB)));
    }

    /**
     * conv/local weight gradient with the given kernel family: {@code conv_backward_weights_tiled}
     * (work-groups staging tiles in local memory) or {@code conv_backward_weights} (one register
     * block per work-item). A local layer has one part per module; a conv layer whose work-items
     * alone would fall short of {@code splitTarget} is split into parts summed by
     * {@code conv_sum_parts} (see WeightGradientSplit).
     */
    public static List<Launch> convBackwardWeights(Filter.BackwardWeights call, PlanOptions.ConvKernels kernel,
                                                   long splitTarget) {
        ConvDims d = new ConvDims(call, call.shape(), call.numCases(), call.accumulate());
        boolean local = d.local;
        Tensor weightsGrad = d.c.t("weightsGrad", call.weightsGrad(), d.weightsSize());
        boolean tiled = kernel == PlanOptions.ConvKernels.TILED;
        long groupsPerPart = (long) d.groups * ceil(d.cf() * d.filterSize * d.filterSize, CONV_TW_R) * ceil(d.fg(), CONV_TW_F);
        long itemsPerPart = tiled ? groupsPerPart * CONV_TW_ITEMS
                : (long) ceil(d.cf(), CONV_WK) * d.filterSize * d.filterSize * d.groups * ceil(d.fg(), CONV_WF);
        WeightGradientSplit split = local ? WeightGradientSplit.perModule(d.modulesX)
                : WeightGradientSplit.forConv(d.modulesX, itemsPerPart, splitTarget, d.bank(), SPLIT_MAX_PARTIAL_FLOATS);
        boolean partial = !local && split.parts() > 1;
        long partialFloats = (long) split.parts() * d.bank();
        Launch.Builder b = Launch.of("conv.kc", tiled ? "conv_backward_weights_tiled" : "conv_backward_weights")
                .tensor("input", d.c.t("input", call.input(), d.inputSize()))
                .tensor("outputGrad", d.c.t("outputGrad", call.outputGrad(), d.outputSize()));
        b = partial ? b.scratch("weightsGrad", "conv.partialWeightsGrad", partialFloats) : b.tensor("weightsGrad", weightsGrad);
        b = d.shape(b).integer("rowsPerPart", split.rowsPerPart()).integer("colsPerPart", split.colsPerPart())
                .integer("accumulate", partial ? 0 : d.accumulate);
        Launch weights = tiled ? b.groups(split.parts() * groupsPerPart, CONV_TW_ITEMS)
                : b.items(split.parts() * itemsPerPart, CPU_WEIGHTS_GROUP);
        if (!partial) {
            return List.of(weights);
        }
        return List.of(weights, Launch.of("conv.kc", "conv_sum_parts")
                .scratch("partials", "conv.partialWeightsGrad", partialFloats).tensor("weightsGrad", weightsGrad)
                .integer("size", d.bank()).integer("parts", split.parts()).integer("accumulate", d.accumulate)
                .items(d.bank()));
    }
}
