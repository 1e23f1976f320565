package org.jconvnet.kernels.plan;

import static org.jconvnet.kernels.plan.Contract.ceil;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.kernel.Kernel;
import org.jconvnet.api.kernel.KernelCall;
import org.jconvnet.api.kernel.KernelFactory;
import org.jconvnet.api.kernel.KernelKey;
import org.jconvnet.api.kernel.KernelOp;
import org.jconvnet.api.kernel.contract.Filter;
import org.jconvnet.api.kernel.contract.KernelOps;
import org.jconvnet.api.kernel.contract.Norm;
import org.jconvnet.api.tensor.DType;

/**
 * The launch plan of every op of the built-in table ({@link KernelOps}, float32), shared by the GPU
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
        put(m, KernelOps.SGD, ElementwisePlans::sgd);
        put(m, KernelOps.BIAS_FORWARD, ElementwisePlans::biasForward);
        put(m, KernelOps.BIAS_BACKWARD_WEIGHTS, ElementwisePlans::biasBackwardWeights);
        // conv and local share their plans: the call's geometry says which weights layout it has
        BiFunction<Filter.Forward, PlanOptions, List<Launch>> filterForward =
                (call, o) -> ConvPlans.convForward(call, o.convKernels());
        BiFunction<Filter.BackwardInput, PlanOptions, List<Launch>> filterBackwardInput =
                (call, o) -> ConvPlans.convBackwardInput(call, o.convKernels());
        BiFunction<Filter.BackwardWeights, PlanOptions, List<Launch>> filterBackwardWeights =
                (call, o) -> ConvPlans.convBackwardWeights(call, o.convKernels(), o.splitItems());
        put(m, KernelOps.CONV_FORWARD, filterForward);
        put(m, KernelOps.CONV_BACKWARD_INPUT, filterBackwardInput);
        put(m, KernelOps.CONV_BACKWARD_WEIGHTS, filterBackwardWeights);
        put(m, KernelOps.LOCAL_FORWARD, filterForward);
        put(m, KernelOps.LOCAL_BACKWARD_INPUT, filterBackwardInput);
        put(m, KernelOps.LOCAL_BACKWARD_WEIGHTS, filterBackwardWeights);
        put(m, KernelOps.FC_FORWARD, FcPlans::fcForward);
        put(m, KernelOps.FC_BACKWARD_INPUT, FcPlans::fcBackwardInput);
        put(m, KernelOps.FC_BACKWARD_WEIGHTS, FcPlans::fcBackwardWeights);
        put(m, KernelOps.POOL_FORWARD, WindowPlans::poolForward);
        put(m, KernelOps.POOL_BACKWARD_INPUT, WindowPlans::poolBackwardInput);
        for (Norm.Kind kind : Norm.Kind.values()) {
            put(m, kind.forward(), WindowPlans::normForward);
            put(m, kind.backwardInput(), WindowPlans::normBackwardInput);
        }
        put(m, KernelOps.NEURON_FORWARD, ElementwisePlans::neuronForward);
        put(m, KernelOps.NEURON_BACKWARD_INPUT, ElementwisePlans::neuronBackwardInput);
        put(m, KernelOps.SOFTMAX_FORWARD, ElementwisePlans::softmaxForward);
        put(m, KernelOps.SOFTMAX_BACKWARD_INPUT, ElementwisePlans::softmaxBackwardInput);
        put(m, KernelOps.LOGREG_FORWARD, ElementwisePlans::logregForward);
        put(m, KernelOps.LOGREG_BACKWARD_INPUT, ElementwisePlans::logregBackward);
        put(m, KernelOps.LOGREG_BACKWARD_SOFTMAX, ElementwisePlans::logregBackward);
        put(m, KernelOps.SUM2_FORWARD, ElementwisePlans::sum2Forward);
        put(m, KernelOps.SUM2_BACKWARD_INPUT, ElementwisePlans::sum2BackwardInput);
        put(m, KernelOps.ELTSUM_FORWARD, ElementwisePlans::eltsumForward);
        put(m, KernelOps.ELTSUM_BACKWARD_INPUT, ElementwisePlans::eltsumBackwardInput);
        put(m, KernelOps.ELTMAX_FORWARD, ElementwisePlans::eltmaxForward);
        put(m, KernelOps.ELTMAX_BACKWARD_INPUT, ElementwisePlans::eltmaxBackwardInput);
        return Collections.unmodifiableMap(m);
    }

    /** Work-items of a case-chunked kernel: {@code rows * ceil(numCases / CASE_CHUNK)}. */
    static long chunked(long rows, int numCases) {
        return rows * ceil(numCases, CASE_CHUNK);
    }

    /** Binds {@code op} (float32) to a plan of its call records that needs no {@link PlanOptions}. */
    private static <C extends KernelCall> void put(Map<KernelKey, KernelPlan> m, KernelOp<C> op,
                                                   Function<C, List<Launch>> plan) {
        put(m, op, (call, options) -> plan.apply(call));
    }

    /** Binds {@code op} (float32) to a plan of its call records: the one place a call is cast. */
    private static <C extends KernelCall> void put(Map<KernelKey, KernelPlan> m, KernelOp<C> op,
                                                   BiFunction<C, PlanOptions, List<Launch>> plan) {
        KernelKey key = op.key(DType.FLOAT32);
        m.put(key, (call, options) -> plan.apply(op.cast(key, call), options));
    }
}
