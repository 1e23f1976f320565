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
import org.jconvnet.api.kernel.Ops;
import org.jconvnet.api.kernel.contract.Bias;
import org.jconvnet.api.kernel.contract.Eltmax;
import org.jconvnet.api.kernel.contract.Eltsum;
import org.jconvnet.api.kernel.contract.Fc;
import org.jconvnet.api.kernel.contract.Filter;
import org.jconvnet.api.kernel.contract.Logreg;
import org.jconvnet.api.kernel.contract.Neuron;
import org.jconvnet.api.kernel.contract.Norm;
import org.jconvnet.api.kernel.contract.Pool;
import org.jconvnet.api.kernel.contract.Sgd;
import org.jconvnet.api.kernel.contract.Softmax;
import org.jconvnet.api.kernel.contract.Sum2;
import org.jconvnet.api.tensor.DType;

/**
 * The launch plan of every key of the contracts of {@link org.jconvnet.api.kernel.contract} (float32), shared by the GPU
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
        put(m, Sgd.TYPE, Ops.SGD, Sgd.class, ElementwisePlans::sgd);
        put(m, Bias.TYPE, Ops.FORWARD, Bias.Forward.class, ElementwisePlans::biasForward);
        put(m, Bias.TYPE, Ops.BACKWARD_WEIGHTS, Bias.BackwardWeights.class, ElementwisePlans::biasBackwardWeights);
        for (String layer : List.of(Filter.CONV, Filter.LOCAL)) {
            put(m, layer, Ops.FORWARD, Filter.Forward.class, (call, o) -> ConvPlans.convForward(call, o.convKernels()));
            put(m, layer, Ops.BACKWARD_INPUT, Filter.BackwardInput.class,
                    (call, o) -> ConvPlans.convBackwardInput(call, o.convKernels()));
            put(m, layer, Ops.BACKWARD_WEIGHTS, Filter.BackwardWeights.class,
                    (call, o) -> ConvPlans.convBackwardWeights(call, o.convKernels(), o.splitItems()));
        }
        put(m, Fc.TYPE, Ops.FORWARD, Fc.Forward.class, FcPlans::fcForward);
        put(m, Fc.TYPE, Ops.BACKWARD_INPUT, Fc.BackwardInput.class, FcPlans::fcBackwardInput);
        put(m, Fc.TYPE, Ops.BACKWARD_WEIGHTS, Fc.BackwardWeights.class, FcPlans::fcBackwardWeights);
        put(m, Pool.TYPE, Ops.FORWARD, Pool.Forward.class, WindowPlans::poolForward);
        put(m, Pool.TYPE, Ops.BACKWARD_INPUT, Pool.BackwardInput.class, WindowPlans::poolBackwardInput);
        for (Norm.Kind kind : Norm.Kind.values()) {
            put(m, kind.layerType(), Ops.FORWARD, Norm.Forward.class, WindowPlans::normForward);
            put(m, kind.layerType(), Ops.BACKWARD_INPUT, Norm.BackwardInput.class, WindowPlans::normBackwardInput);
        }
        put(m, Neuron.TYPE, Ops.FORWARD, Neuron.Forward.class, ElementwisePlans::neuronForward);
        put(m, Neuron.TYPE, Ops.BACKWARD_INPUT, Neuron.BackwardInput.class, ElementwisePlans::neuronBackwardInput);
        put(m, Softmax.TYPE, Ops.FORWARD, Softmax.Forward.class, ElementwisePlans::softmaxForward);
        put(m, Softmax.TYPE, Ops.BACKWARD_INPUT, Softmax.BackwardInput.class, ElementwisePlans::softmaxBackwardInput);
        put(m, Logreg.TYPE, Ops.FORWARD, Logreg.Forward.class, ElementwisePlans::logregForward);
        put(m, Logreg.TYPE, Ops.BACKWARD_INPUT, Logreg.Backward.class, ElementwisePlans::logregBackward);
        put(m, Logreg.TYPE, Ops.BACKWARD_SOFTMAX, Logreg.Backward.class, ElementwisePlans::logregBackward);
        put(m, Sum2.TYPE, Ops.FORWARD, Sum2.Forward.class, ElementwisePlans::sum2Forward);
        put(m, Sum2.TYPE, Ops.BACKWARD_INPUT, Sum2.BackwardInput.class, ElementwisePlans::sum2BackwardInput);
        put(m, Eltsum.TYPE, Ops.FORWARD, Eltsum.Forward.class, ElementwisePlans::eltsumForward);
        put(m, Eltsum.TYPE, Ops.BACKWARD_INPUT, Eltsum.BackwardInput.class, ElementwisePlans::eltsumBackwardInput);
        put(m, Eltmax.TYPE, Ops.FORWARD, Eltmax.Forward.class, ElementwisePlans::eltmaxForward);
        put(m, Eltmax.TYPE, Ops.BACKWARD_INPUT, Eltmax.BackwardInput.class, ElementwisePlans::eltmaxBackwardInput);
        return Collections.unmodifiableMap(m);
    }

    /** Work-items of a case-chunked kernel: {@code rows * ceil(numCases / CASE_CHUNK)}. */
    static long chunked(long rows, int numCases) {
        return rows * ceil(numCases, CASE_CHUNK);
    }

    /** Binds {@code layer/op} to a plan of call record type {@code type} that needs no {@link PlanOptions}. */
    private static <C extends KernelCall> void put(Map<KernelKey, KernelPlan> m, String layer, String op, Class<C> type,
                                                   Function<C, List<Launch>> plan) {
        put(m, layer, op, type, (call, options) -> plan.apply(call));
    }

    /** Binds {@code layer/op} to a plan of call record type {@code type}: the one place a call is cast. */
    private static <C extends KernelCall> void put(Map<KernelKey, KernelPlan> m, String layer, String op, Class<C> type,
                                                   BiFunction<C, PlanOptions, List<Launch>> plan) {
        KernelKey key = key(layer, op);
        m.put(key, (call, options) -> plan.apply(KernelCall.as(type, key, call), options));
    }

    private static KernelKey key(String layer, String op) {
        return KernelKey.of(layer, op, DType.FLOAT32);
    }
}
