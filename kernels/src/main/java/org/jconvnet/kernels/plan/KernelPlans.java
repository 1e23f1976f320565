package org.jconvnet.kernels.plan;

import static org.jconvnet.kernels.plan.Contract.ceil;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jconvnet.api.kernel.KernelArgs;
import org.jconvnet.api.kernel.KernelKey;
import org.jconvnet.api.kernel.Ops;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.api.tensor.Tensor;
import org.jconvnet.kernels.SumSplit;
import org.jconvnet.kernels.WeightGradientSplit;

/**
 * The launch plan of every key of {@code docs/kernel-contracts.md} (float32), shared by the GPU
 * backends: which entry points of which {@code .kc} source run, with which arguments in parameter
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

    /** Every key with its plan, in contract order. */
    public static Map<KernelKey, KernelPlan> all() {
        return PLANS;
    }

    private static Map<KernelKey, KernelPlan> build() {
        Map<KernelKey, KernelPlan> m = new LinkedHashMap<>();
        put(m, "tensor", Ops.SGD, KernelPlans::sgd);
        put(m, "bias", Ops.FORWARD, KernelPlans::biasForward);
        put(m, "bias", Ops.BACKWARD_WEIGHTS, KernelPlans::biasBackwardWeights);
        for (String layer : List.of("conv", "local")) {
            boolean local = layer.equals("local");
            m.put(key(layer, Ops.FORWARD), (a, o) -> convForward(a, local, o.convKernels()));
            m.put(key(layer, Ops.BACKWARD_INPUT), (a, o) -> convBackwardInput(a, local, o.convKernels()));
            m.put(key(layer, Ops.BACKWARD_WEIGHTS), (a, o) -> convBackwardWeights(a, local, o.convKernels(), o.splitItems()));
        }
        m.put(key("fc", Ops.FORWARD), KernelPlans::fcForward);
        m.put(key("fc", Ops.BACKWARD_INPUT), KernelPlans::fcBackwardInput);
        m.put(key("fc", Ops.BACKWARD_WEIGHTS), KernelPlans::fcBackwardWeights);
        put(m, "pool", Ops.FORWARD, KernelPlans::poolForward);
        put(m, "pool", Ops.BACKWARD_INPUT, KernelPlans::poolBackwardInput);
        put(m, "cmrnorm", Ops.FORWARD, KernelPlans::cmrnormForward);
        put(m, "cmrnorm", Ops.BACKWARD_INPUT, KernelPlans::cmrnormBackwardInput);
        put(m, "rnorm", Ops.FORWARD, KernelPlans::rnormForward);
        put(m, "rnorm", Ops.BACKWARD_INPUT, KernelPlans::rnormBackwardInput);
        put(m, "cnorm", Ops.FORWARD, KernelPlans::cnormForward);
        put(m, "cnorm", Ops.BACKWARD_INPUT, KernelPlans::cnormBackwardInput);
        put(m, "neuron", Ops.FORWARD, KernelPlans::neuronForward);
        put(m, "neuron", Ops.BACKWARD_INPUT, KernelPlans::neuronBackwardInput);
        put(m, "softmax", Ops.FORWARD, KernelPlans::softmaxForward);
        put(m, "softmax", Ops.BACKWARD_INPUT, KernelPlans::softmaxBackwardInput);
        put(m, "cost.logreg", Ops.FORWARD, KernelPlans::logregForward);
        put(m, "cost.logreg", Ops.BACKWARD_INPUT, a -> logregBackward(a, "logreg_backward_input"));
        put(m, "cost.logreg", Ops.BACKWARD_SOFTMAX, a -> logregBackward(a, "logreg_backward_softmax"));
        put(m, "cost.sum2", Ops.FORWARD, KernelPlans::sum2Forward);
        put(m, "cost.sum2", Ops.BACKWARD_INPUT, KernelPlans::sum2BackwardInput);
        put(m, "eltsum", Ops.FORWARD, a -> scaledAdd(a, "eltsum/forward", "input", "output"));
        put(m, "eltsum", Ops.BACKWARD_INPUT, a -> scaledAdd(a, "eltsum/backward-input", "outputGrad", "inputGrad"));
        put(m, "eltmax", Ops.FORWARD, KernelPlans::eltmaxForward);
        put(m, "eltmax", Ops.BACKWARD_INPUT, KernelPlans::eltmaxBackwardInput);
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

    // ---- tensor, bias -------------------------------------------------------------------------

    private static List<Launch> sgd(KernelArgs args) {
        Contract c = new Contract(args, "tensor/sgd");
        Tensor w = c.t("weights");
        long n = w.size();
        return List.of(Launch.of("tensor.kc", "tensor_sgd").tensor("weights", w).tensor("grad", c.t("grad", n))
                .tensor("inc", c.t("inc", n)).integer("n", c.count(n)).real("gradScale", c.r("gradScale"))
                .real("mom", c.r("mom")).real("decay", c.r("decay")).items(n));
    }

    private static List<Launch> biasForward(KernelArgs args) {
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
    private static List<Launch> biasBackwardWeights(KernelArgs args) {
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

    // ---- conv and local -----------------------------------------------------------------------

    /** The integers every conv/local op receives, and the sizes they imply. */
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

        ConvDims(KernelArgs a, boolean local, String op) {
            this.local = local;
            c = new Contract(a, (local ? "local/" : "conv/") + op);
            n = c.i("numCases");
            channels = c.i("channels");
            imgSize = c.i("imgSize");
            filters = c.i("filters");
            filterSize = c.i("filterSize");
            padding = c.i("padding");
            stride = c.i("stride");
            modulesX = c.i("modulesX");
            groups = c.i("groups");
            accumulate = c.i("accumulate");
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
    public static List<Launch> convForward(KernelArgs args, boolean local, PlanOptions.ConvKernels kernel) {
        ConvDims d = new ConvDims(args, local, Ops.FORWARD);
        boolean tiled = kernel == PlanOptions.ConvKernels.TILED;
        Launch.Builder b = Launch.of("conv.kc", tiled ? "conv_forward_tiled" : "conv_forward")
                .tensor("input", d.c.t("input", d.inputSize()))
                .tensor("weights", d.c.t("weights", d.weightsSize())).tensor("output", d.c.t("output", d.outputSize()));
        if (tiled) {
            return List.of(d.geometry(b).groups((long) d.groups * d.mm() * ceil(d.fg(), CONV_TA_M) * ceil(d.n, CONV_TA_N),
                    CONV_TA_ITEMS));
        }
        return List.of(d.geometry(b).items((long) d.groups * ceil(d.fg(), CONV_FB) * d.mm() * ceil(d.n, CONV_CB)));
    }

    /** conv/local input gradient with the given kernel family. */
    public static List<Launch> convBackwardInput(KernelArgs args, boolean local, PlanOptions.ConvKernels kernel) {
        ConvDims d = new ConvDims(args, local, Ops.BACKWARD_INPUT);
        boolean tiled = kernel == PlanOptions.ConvKernels.TILED;
        Launch.Builder b = Launch.of("conv.kc", tiled ? "conv_backward_input_tiled" : "conv_backward_input")
                .tensor("outputGrad", d.c.t("outputGrad", d.outputSize()))
                .tensor("weights", d.c.t("weights", d.weightsSize()))
                .tensor("inputGrad", d.c.t("inputGrad", d.inputSize()));
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
    public static List<Launch> convBackwardWeights(KernelArgs args, boolean local, PlanOptions.ConvKernels kernel,
                                                   long splitTarget) {
        ConvDims d = new ConvDims(args, local, Ops.BACKWARD_WEIGHTS);
        Tensor weightsGrad = d.c.t("weightsGrad", d.weightsSize());
        boolean tiled = kernel == PlanOptions.ConvKernels.TILED;
        long groupsPerPart = (long) d.groups * ceil(d.cf() * d.filterSize * d.filterSize, CONV_TW_R) * ceil(d.fg(), CONV_TW_F);
        long itemsPerPart = tiled ? groupsPerPart * CONV_TW_ITEMS
                : (long) ceil(d.cf(), CONV_WK) * d.filterSize * d.filterSize * d.groups * ceil(d.fg(), CONV_WF);
        WeightGradientSplit split = local ? WeightGradientSplit.perModule(d.modulesX)
                : WeightGradientSplit.forConv(d.modulesX, itemsPerPart, splitTarget, d.bank(), SPLIT_MAX_PARTIAL_FLOATS);
        boolean partial = !local && split.parts() > 1;
        long partialFloats = (long) split.parts() * d.bank();
        Launch.Builder b = Launch.of("conv.kc", tiled ? "conv_backward_weights_tiled" : "conv_backward_weights")
                .tensor("input", d.c.t("input", d.inputSize())).tensor("outputGrad", d.c.t("outputGrad", d.outputSize()));
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

    // ---- fc: one strided product C (+)= A B ----------------------------------------------------

    /**
     * {@code fc_matmul}, its sum over k cut into parts (SumSplit) when the product alone has too few
     * work-items for a GPU, the parts' products then added by {@code fc_sum_parts}. The partial
     * products stay small: a product is only split when it has fewer than the target's work-items
     * of 16 outputs each, so parts x rows x cols stays under 16 x the target (8 MiB).
     */
    private static List<Launch> fcMatmul(Contract c, long splitTarget, Tensor a, Tensor b, Tensor out, int rows, int cols,
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
                .integer("accumulate", partial ? 0 : c.i("accumulate")).items(split.parts() * blocks);
        if (!partial) {
            return List.of(product);
        }
        return List.of(product, Launch.of("fc.kc", "fc_sum_parts").scratch("partials", "fc.partials", partialFloats)
                .tensor("out", out).integer("rows", rows).integer("cols", cols).integer("parts", split.parts())
                .integer("cRow", cRow).integer("cCol", cCol).integer("accumulate", c.i("accumulate"))
                .items((long) rows * cols));
    }

    /** output (Dout x N) = W^T input; W is Din x Dout Fortran-ordered (W[i,j] at j*Din + i). */
    private static List<Launch> fcForward(KernelArgs args, PlanOptions options) {
        Contract c = new Contract(args, "fc/forward");
        int n = c.i("numCases");
        int din = c.i("inputs");
        int dout = c.i("outputs");
        return fcMatmul(c, options.splitItems(), c.t("weights", (long) din * dout), c.t("input", (long) din * n),
                c.t("output", (long) dout * n), dout, n, din, din, 1, n, 1, n, 1);
    }

    /** inputGrad (Din x N) = W outputGrad. */
    private static List<Launch> fcBackwardInput(KernelArgs args, PlanOptions options) {
        Contract c = new Contract(args, "fc/backward-input");
        int n = c.i("numCases");
        int din = c.i("inputs");
        int dout = c.i("outputs");
        return fcMatmul(c, options.splitItems(), c.t("weights", (long) din * dout), c.t("outputGrad", (long) dout * n),
                c.t("inputGrad", (long) din * n), din, n, dout, 1, din, n, 1, n, 1);
    }

    /** dW (Din x Dout, Fortran) = input outputGrad^T. */
    private static List<Launch> fcBackwardWeights(KernelArgs args, PlanOptions options) {
        Contract c = new Contract(args, "fc/backward-weights");
        int n = c.i("numCases");
        int din = c.i("inputs");
        int dout = c.i("outputs");
        return fcMatmul(c, options.splitItems(), c.t("input", (long) din * n), c.t("outputGrad", (long) dout * n),
                c.t("weightsGrad", (long) din * dout), din, dout, n, n, 1, 1, n, 1, din);
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

    private static List<Launch> poolForward(KernelArgs args) {
        Contract c = new Contract(args, "pool/forward");
        Launch.Builder b = Launch.of("pool.kc", "pool_forward").tensor("input", c.t("input", poolIn(c)))
                .tensor("output", c.t("output", poolOut(c)));
        return List.of(poolInts(b, c).items(chunked((long) c.i("channels") * c.i("outputsX") * c.i("outputsX"),
                c.i("numCases"))));
    }

    private static List<Launch> poolBackwardInput(KernelArgs args) {
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

    private static List<Launch> cmrnormForward(KernelArgs args) {
        Contract c = new Contract(args, "cmrnorm/forward");
        long e = normSize(c);
        Launch.Builder b = Launch.of("norm.kc", "cmrnorm_forward").tensor("input", c.t("input", e))
                .tensor("output", c.t("output", e)).tensor("denoms", c.t("denoms", e));
        return List.of(normInts(b, c).integer("blocked", c.i("blocked")).real("addScale", c.r("addScale"))
                .real("powv", c.r("pow")).real("minDiv", c.r("minDiv")).items(normItems(c)));
    }

    private static List<Launch> cmrnormBackwardInput(KernelArgs args) {
        Contract c = new Contract(args, "cmrnorm/backward-input");
        long e = normSize(c);
        Launch.Builder b = Launch.of("norm.kc", "cmrnorm_backward_input").tensor("input", c.t("input", e))
                .tensor("output", c.t("output", e)).tensor("denoms", c.t("denoms", e))
                .tensor("outputGrad", c.t("outputGrad", e)).tensor("inputGrad", c.t("inputGrad", e));
        return List.of(normInts(b, c).integer("blocked", c.i("blocked")).real("addScale", c.r("addScale"))
                .real("powv", c.r("pow")).integer("accumulate", c.i("accumulate")).items(normItems(c)));
    }

    private static List<Launch> rnormForward(KernelArgs args) {
        Contract c = new Contract(args, "rnorm/forward");
        long e = normSize(c);
        Launch.Builder b = Launch.of("norm.kc", "rnorm_forward").tensor("input", c.t("input", e))
                .tensor("output", c.t("output", e)).tensor("denoms", c.t("denoms", e));
        return List.of(normInts(b, c).real("addScale", c.r("addScale")).real("powv", c.r("pow"))
                .real("minDiv", c.r("minDiv")).items(normItems(c)));
    }

    private static List<Launch> rnormBackwardInput(KernelArgs args) {
        Contract c = new Contract(args, "rnorm/backward-input");
        long e = normSize(c);
        Launch.Builder b = Launch.of("norm.kc", "rnorm_backward_input").tensor("input", c.t("input", e))
                .tensor("output", c.t("output", e)).tensor("denoms", c.t("denoms", e))
                .tensor("outputGrad", c.t("outputGrad", e)).tensor("inputGrad", c.t("inputGrad", e));
        return List.of(normInts(b, c).real("addScale", c.r("addScale")).real("powv", c.r("pow"))
                .integer("accumulate", c.i("accumulate")).items(normItems(c)));
    }

    /** Mean differences, then denominators and outputs. */
    private static List<Launch> cnormForward(KernelArgs args) {
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

    /** The V = m * U term into scratch, then the exact gradient (spec 10.8). */
    private static List<Launch> cnormBackwardInput(KernelArgs args) {
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

    // ---- neuron, softmax, costs, elementwise --------------------------------------------------

    private static List<Launch> neuronForward(KernelArgs args) {
        Contract c = new Contract(args, "neuron/forward");
        Tensor in = c.t("input");
        long n = in.size();
        return List.of(Launch.of("neuron.kc", "neuron_forward").tensor("input", in).tensor("output", c.t("output", n))
                .integer("n", c.count(n)).integer("function", c.i("function")).real("a", c.r("a")).real("b", c.r("b"))
                .items(n));
    }

    private static List<Launch> neuronBackwardInput(KernelArgs args) {
        Contract c = new Contract(args, "neuron/backward-input");
        Tensor in = c.t("input");
        long n = in.size();
        return List.of(Launch.of("neuron.kc", "neuron_backward_input").tensor("input", in)
                .tensor("output", c.t("output", n)).tensor("outputGrad", c.t("outputGrad", n))
                .tensor("inputGrad", c.t("inputGrad", n)).integer("n", c.count(n)).integer("function", c.i("function"))
                .real("a", c.r("a")).real("b", c.r("b")).integer("accumulate", c.i("accumulate")).items(n));
    }

    private static List<Launch> softmaxForward(KernelArgs args) {
        Contract c = new Contract(args, "softmax/forward");
        int n = c.i("numCases");
        int d = c.i("classes");
        return List.of(Launch.of("softmax.kc", "softmax_forward").tensor("input", c.t("input", (long) d * n))
                .tensor("output", c.t("output", (long) d * n)).integer("numCases", n).integer("classes", d).items(n));
    }

    private static List<Launch> softmaxBackwardInput(KernelArgs args) {
        Contract c = new Contract(args, "softmax/backward-input");
        int n = c.i("numCases");
        int d = c.i("classes");
        long size = (long) d * n;
        return List.of(Launch.of("softmax.kc", "softmax_backward_input").tensor("output", c.t("output", size))
                .tensor("outputGrad", c.t("outputGrad", size)).tensor("inputGrad", c.t("inputGrad", size))
                .integer("numCases", n).integer("classes", d).integer("accumulate", c.i("accumulate")).items(n));
    }

    private static List<Launch> logregForward(KernelArgs args) {
        Contract c = new Contract(args, "cost.logreg/forward");
        int n = c.i("numCases");
        int k = c.i("classes");
        return List.of(Launch.of("cost.kc", "logreg_forward").tensor("labels", c.t("labels", n))
                .tensor("probs", c.t("probs", (long) k * n)).tensor("output", c.t("output", 2L * n))
                .integer("numCases", n).integer("classes", k).items(n));
    }

    private static List<Launch> logregBackward(KernelArgs args, String entry) {
        Contract c = new Contract(args, "cost.logreg/" + entry);
        int n = c.i("numCases");
        int k = c.i("classes");
        return List.of(Launch.of("cost.kc", entry).tensor("labels", c.t("labels", n))
                .tensor("probs", c.t("probs", (long) k * n)).tensor("inputGrad", c.t("inputGrad", (long) k * n))
                .integer("numCases", n).integer("classes", k).real("coeff", c.r("coeff"))
                .integer("accumulate", c.i("accumulate")).items((long) k * n));
    }

    private static List<Launch> sum2Forward(KernelArgs args) {
        Contract c = new Contract(args, "cost.sum2/forward");
        int n = c.i("numCases");
        Tensor in = c.t("input");
        int rows = c.count(in.size() / Math.max(1, n));
        return List.of(Launch.of("cost.kc", "sum2_forward").tensor("input", in).tensor("output", c.t("output", n))
                .integer("numCases", n).integer("rows", rows).items(n));
    }

    private static List<Launch> sum2BackwardInput(KernelArgs args) {
        Contract c = new Contract(args, "cost.sum2/backward-input");
        Tensor in = c.t("input");
        long n = in.size();
        return List.of(Launch.of("cost.kc", "sum2_backward_input").tensor("input", in)
                .tensor("inputGrad", c.t("inputGrad", n)).integer("n", c.count(n)).real("coeff", c.r("coeff"))
                .integer("accumulate", c.i("accumulate")).items(n));
    }

    private static List<Launch> scaledAdd(KernelArgs args, String key, String src, String dst) {
        Contract c = new Contract(args, key);
        Tensor s = c.t(src);
        long n = s.size();
        return List.of(Launch.of("elt.kc", "elt_scaled_add").tensor("src", s).tensor("dst", c.t(dst, n))
                .integer("n", c.count(n)).real("coeff", c.r("coeff")).integer("accumulate", c.i("accumulate")).items(n));
    }

    private static List<Launch> eltmaxForward(KernelArgs args) {
        Contract c = new Contract(args, "eltmax/forward");
        Tensor in = c.t("input");
        long n = in.size();
        return List.of(Launch.of("elt.kc", "eltmax_forward").tensor("input", in).tensor("output", c.t("output", n))
                .integer("n", c.count(n)).integer("accumulate", c.i("accumulate")).items(n));
    }

    private static List<Launch> eltmaxBackwardInput(KernelArgs args) {
        Contract c = new Contract(args, "eltmax/backward-input");
        Tensor in = c.t("input");
        long n = in.size();
        return List.of(Launch.of("elt.kc", "eltmax_backward_input").tensor("input", in)
                .tensor("output", c.t("output", n)).tensor("outputGrad", c.t("outputGrad", n))
                .tensor("inputGrad", c.t("inputGrad", n)).integer("n", c.count(n))
                .integer("accumulate", c.i("accumulate")).items(n));
    }
}
