package org.jconvnet.kernels.plan;

import static org.jconvnet.kernels.plan.Contract.ceil;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.kernel.Kernel;
import org.jconvnet.api.kernel.KernelArgs;
import org.jconvnet.api.kernel.KernelFactory;
import org.jconvnet.api.kernel.KernelKey;
import org.jconvnet.api.kernel.Ops;
import org.jconvnet.api.tensor.DType;

/**
 * The launch plan of every key of {@code docs/kernel-contracts.md} (float32), shared by the GPU
 * backends (the plans themselves live per family in {@link ConvPlans}, {@code FcPlans},
 * {@code WindowPlans} and {@code ElementwisePlans}; the block and tile sizes they use are here): which entry points of which {@code .kc} source run, with which arguments in parameter
 * order, over how many work-items (as each source's {@code LAUNCH:} comment states). The OpenCL
 * backend interprets a plan with {@code clSetKernelArg} and an NDRange, the CUDA backend with
 * {@code cuLaunchKernel}; so the launch arithmetic exists once. Parameter labels are the
 * {@code .kc} parameter names; tests compare them with the sources and with the PTX.
 */
public final class KernelPlans {
    /**
     * Register-block sizes of conv.kc ({@code CONV_FB}, {@code CONV_CB}, {@code CONV_KB}, {@code CONV_WK},
     * {@code CONV_WF}): they set the work-item counts; a test reads them from the source.
     */
    public static final int CONV_FB = 8;
    /** See {@link #CONV_FB}. */
    public static final int CONV_CB = 8;
    /** See {@link #CONV_FB}. */
    public static final int CONV_KB = 8;
    /** See {@link #CONV_FB}. */
    public static final int CONV_WK = 4;
    /** See {@link #CONV_FB}. */
    public static final int CONV_WF = 2;
    /** {@code CASE_CHUNK} of prelude.h: consecutive cases one work-item of bias/pool/norm kernels handles. */
    public static final int CASE_CHUNK = 8;
    /** Register-block sizes of fc.kc ({@code FC_RB}, {@code FC_CB}). */
    public static final int FC_RB = 4;
    /** See {@link #FC_RB}. */
    public static final int FC_CB = 4;
    /** At most 64 MiB of partial weight-gradient banks. */
    static final long SPLIT_MAX_PARTIAL_FLOATS = 16L << 20;
    /** Tile sizes of {@code conv_backward_weights_tiled} (CONV_TW_ITEMS, CONV_TW_R, CONV_TW_F); a test reads them from the source. */
    public static final int CONV_TW_ITEMS = 64;
    /** See {@link #CONV_TW_ITEMS}. */
    public static final int CONV_TW_R = 32;
    /** See {@link #CONV_TW_ITEMS}. */
    public static final int CONV_TW_F = 32;
    /**
     * Tile sizes of {@code conv_forward_tiled} and {@code conv_backward_input_tiled}
     * (CONV_TA_ITEMS, CONV_TA_M, CONV_TA_N); a test reads them from the source.
     */
    public static final int CONV_TA_ITEMS = 64;
    /** See {@link #CONV_TA_ITEMS}. */
    public static final int CONV_TA_M = 32;
    /** See {@link #CONV_TA_ITEMS}. */
    public static final int CONV_TA_N = 32;
    /**
     * The work-group size the blocked weight-gradient kernel runs best in on CPU OpenCL devices
     * (PoCL): a hint ({@link Launch#preferredGroup()}), GPU backends choose their own.
     */
    static final int CPU_WEIGHTS_GROUP = 16;

    private static final Map<KernelKey, KernelPlan> PLANS = build();

    private KernelPlans() {
    }

    /** Makes a backend's kernel that runs {@code plan} for {@code key}. */
    @FunctionalInterface
    public interface KernelMaker {
        /** The kernel for {@code backend}. */
        Kernel make(Backend backend, KernelKey key, KernelPlan plan);
    }

    /**
     * A GPU backend's kernel table: every key with a factory making {@code maker}'s kernel for its
     * plan (for {@link org.jconvnet.api.kernel.KernelProvider#kernels()}).
     */
    public static Map<KernelKey, KernelFactory> factories(KernelMaker maker) {
        Map<KernelKey, KernelFactory> m = new LinkedHashMap<>();
        PLANS.forEach((key, plan) -> m.put(key, backend -> maker.make(backend, key, plan)));
        return Collections.unmodifiableMap(m);
    }

    /** Every key with its plan, in contract order. */
    public static Map<KernelKey, KernelPlan> all() {
        return PLANS;
    }

    private static Map<KernelKey, KernelPlan> build() {
        Map<KernelKey, KernelPlan> m = new LinkedHashMap<>();
        put(m, "tensor", Ops.SGD, ElementwisePlans::sgd);
        put(m, "bias", Ops.FORWARD, ElementwisePlans::biasForward);
        put(m, "bias", Ops.BACKWARD_WEIGHTS, ElementwisePlans::biasBackwardWeights);
        for (String layer : List.of("conv", "local")) {
            boolean local = layer.equals("local");
            m.put(key(layer, Ops.FORWARD), (a, o) -> ConvPlans.convForward(a, local, o.convKernels()));
            m.put(key(layer, Ops.BACKWARD_INPUT), (a, o) -> ConvPlans.convBackwardInput(a, local, o.convKernels()));
            m.put(key(layer, Ops.BACKWARD_WEIGHTS), (a, o) -> ConvPlans.convBackwardWeights(a, local, o.convKernels(), o.splitItems()));
        }
        m.put(key("fc", Ops.FORWARD), FcPlans::fcForward);
        m.put(key("fc", Ops.BACKWARD_INPUT), FcPlans::fcBackwardInput);
        m.put(key("fc", Ops.BACKWARD_WEIGHTS), FcPlans::fcBackwardWeights);
        put(m, "pool", Ops.FORWARD, WindowPlans::poolForward);
        put(m, "pool", Ops.BACKWARD_INPUT, WindowPlans::poolBackwardInput);
        put(m, "cmrnorm", Ops.FORWARD, WindowPlans::cmrnormForward);
        put(m, "cmrnorm", Ops.BACKWARD_INPUT, WindowPlans::cmrnormBackwardInput);
        put(m, "rnorm", Ops.FORWARD, WindowPlans::rnormForward);
        put(m, "rnorm", Ops.BACKWARD_INPUT, WindowPlans::rnormBackwardInput);
        put(m, "cnorm", Ops.FORWARD, WindowPlans::cnormForward);
        put(m, "cnorm", Ops.BACKWARD_INPUT, WindowPlans::cnormBackwardInput);
        put(m, "neuron", Ops.FORWARD, ElementwisePlans::neuronForward);
        put(m, "neuron", Ops.BACKWARD_INPUT, ElementwisePlans::neuronBackwardInput);
        put(m, "softmax", Ops.FORWARD, ElementwisePlans::softmaxForward);
        put(m, "softmax", Ops.BACKWARD_INPUT, ElementwisePlans::softmaxBackwardInput);
        put(m, "cost.logreg", Ops.FORWARD, ElementwisePlans::logregForward);
        put(m, "cost.logreg", Ops.BACKWARD_INPUT, a -> ElementwisePlans.logregBackward(a, "logreg_backward_input"));
        put(m, "cost.logreg", Ops.BACKWARD_SOFTMAX, a -> ElementwisePlans.logregBackward(a, "logreg_backward_softmax"));
        put(m, "cost.sum2", Ops.FORWARD, ElementwisePlans::sum2Forward);
        put(m, "cost.sum2", Ops.BACKWARD_INPUT, ElementwisePlans::sum2BackwardInput);
        put(m, "eltsum", Ops.FORWARD, a -> ElementwisePlans.scaledAdd(a, "eltsum/forward", "input", "output"));
        put(m, "eltsum", Ops.BACKWARD_INPUT, a -> ElementwisePlans.scaledAdd(a, "eltsum/backward-input", "outputGrad", "inputGrad"));
        put(m, "eltmax", Ops.FORWARD, ElementwisePlans::eltmaxForward);
        put(m, "eltmax", Ops.BACKWARD_INPUT, ElementwisePlans::eltmaxBackwardInput);
        return Collections.unmodifiableMap(m);
    }

    /** Work-items of a case-chunked kernel: {@code rows * ceil(numCases / CASE_CHUNK)}. */
    static long chunked(long rows, int numCases) {
        return rows * ceil(numCases, CASE_CHUNK);
    }

    /** Puts a plan that needs no {@link PlanOptions}. */
    private static void put(Map<KernelKey, KernelPlan> m, String layer, String op,
                            java.util.function.Function<KernelArgs, List<Launch>> plan) {
        m.put(key(layer, op), (args, options) -> plan.apply(args));
    }

    private static KernelKey key(String layer, String op) {
        return KernelKey.of(layer, op, DType.FLOAT32);
    }
}
