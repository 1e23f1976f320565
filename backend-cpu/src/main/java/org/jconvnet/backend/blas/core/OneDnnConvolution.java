package org.jconvnet.backend.blas.core;

import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DIFF_WEIGHTS;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_DST;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_FROM;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_SRC;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_TO;
import static org.bytedeco.dnnl.global.dnnl.DNNL_ARG_WEIGHTS;
import static org.bytedeco.dnnl.global.dnnl.dnnl_convolution_backward_data_primitive_desc_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_convolution_backward_weights_primitive_desc_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_convolution_direct;
import static org.bytedeco.dnnl.global.dnnl.dnnl_convolution_forward_primitive_desc_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_f32;
import static org.bytedeco.dnnl.global.dnnl.dnnl_format_tag_any;
import static org.bytedeco.dnnl.global.dnnl.dnnl_forward_training;
import static org.bytedeco.dnnl.global.dnnl.dnnl_memory_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_memory_desc_create_with_strides;
import static org.bytedeco.dnnl.global.dnnl.dnnl_memory_desc_create_with_tag;
import static org.bytedeco.dnnl.global.dnnl.dnnl_memory_desc_destroy;
import static org.bytedeco.dnnl.global.dnnl.dnnl_memory_desc_get_size;
import static org.bytedeco.dnnl.global.dnnl.dnnl_memory_destroy;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_attr_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_attr_destroy;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_attr_set_deterministic;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_desc_destroy;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_desc_query_md;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_destroy;
import static org.bytedeco.dnnl.global.dnnl.dnnl_primitive_execute;
import static org.bytedeco.dnnl.global.dnnl.dnnl_query_diff_dst_md;
import static org.bytedeco.dnnl.global.dnnl.dnnl_query_diff_src_md;
import static org.bytedeco.dnnl.global.dnnl.dnnl_query_diff_weights_md;
import static org.bytedeco.dnnl.global.dnnl.dnnl_query_dst_md;
import static org.bytedeco.dnnl.global.dnnl.dnnl_query_src_md;
import static org.bytedeco.dnnl.global.dnnl.dnnl_query_weights_md;
import static org.bytedeco.dnnl.global.dnnl.dnnl_reorder_primitive_desc_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_stream_wait;
import static org.bytedeco.dnnl.global.dnnl.dnnl_success;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.dnnl.dnnl_engine;
import org.bytedeco.dnnl.dnnl_exec_arg_t;
import org.bytedeco.dnnl.dnnl_memory;
import org.bytedeco.dnnl.dnnl_memory_desc;
import org.bytedeco.dnnl.dnnl_primitive;
import org.bytedeco.dnnl.dnnl_primitive_attr;
import org.bytedeco.dnnl.dnnl_primitive_desc;
import org.bytedeco.dnnl.dnnl_stream;
import org.bytedeco.javacpp.Pointer;

/**
 * One conv geometry (shared weights; any stride, padding, groups) through oneDNN's convolution
 * primitives: forward, backward-data (the input gradient) and backward-weights, each in the
 * blocked layouts oneDNN picks for this CPU. cuda-convnet's layouts are described to oneDNN as
 * strided tensors, so no Java loop transposes anything:
 * <pre>
 * activations (c, y, x, n), n fastest:  dims (N, C, S, S)          strides (1, S*S*N, S*N, N)
 * weights     ((c', fy, fx), f):        dims (G, F/G, C/G, fs, fs) strides (F/G, 1, fs*fs*F, fs*F, F)
 * </pre>
 * and each pass is: heap arrays copied into native buffers of that layout, reorders into the
 * primitive's layouts, the primitive, a reorder back, a copy (or add, for {@code accumulate}) to
 * the heap. Everything (descriptors, primitives, buffers, argument lists) is made once per geometry,
 * so a training loop does not allocate. cuda-convnet's padding is on the top and left; its module
 * count fixes the bottom and right padding, {@code (M - 1)*stride + fs - S - padding}.
 * <p>Backward-weights is created deterministic (oneDNN's attribute): the same inputs give the same
 * bits on every run with the same number of OpenMP threads.
 */
final class OneDnnConvolution implements AutoCloseable {
    /** Floats of one task of the heap copies: large enough that a task is not mostly overhead. */
    private static final int COPY_GRAIN = 1 << 16;

    private final FilterGeometry g;
    private final dnnl_stream stream;
    private final Workers workers;
    /** Everything to destroy on close, in creation order. */
    private final List<Runnable> releases = new ArrayList<>();
    /** Native buffers in cuda-convnet's layouts: activations in and out (or their gradients), and weights. */
    private final NativeFloats userInput = new NativeFloats();
    private final NativeFloats userOutput = new NativeFloats();
    private final NativeFloats userWeights = new NativeFloats();
    /** Native buffers in oneDNN's layouts, shared by the passes (one pass runs at a time). */
    private final NativeFloats blockedInput = new NativeFloats();
    private final NativeFloats blockedOutput = new NativeFloats();
    private final NativeFloats blockedWeights = new NativeFloats();
    /** Where the data of each user buffer starts: its first 64-byte aligned float. */
    private final long inputAt;
    private final long outputAt;
    private final long weightsAt;
    private final Step[] forward;
    private final Step[] backwardData;
    private final Step[] backwardWeights;
    /** Heap staging for {@code accumulate}, the largest of the three tensors; made on the first launch that adds. */
    private float[] staging;

    /** One primitive with its bound arguments. */
    private record Step(dnnl_primitive primitive, dnnl_exec_arg_t args, int count) {
    }

    /** One tensor of a pass: its argument kind, the layout the primitive wants, its blocked buffer. */
    private record Operand(int arg, dnnl_memory_desc layout, NativeFloats buffer) {
    }

    /**
     * Builds the three passes of {@code g} (conv, not local) on {@code stream}; throws
     * {@link IllegalStateException} where oneDNN cannot describe or implement the geometry.
     */
    OneDnnConvolution(FilterGeometry g, dnnl_stream stream, Workers workers) {
        if (g.local()) {
            throw new IllegalArgumentException("oneDNN convolution is for shared weights, not local: " + g);
        }
        this.g = g;
        this.stream = stream;
        this.workers = workers;
        try {
            long[] inputDims = activationDims(g.channels(), g.imgSize());
            long[] outputDims = activationDims(g.filters(), g.modulesX());
            long[] weightDims = weightDims();
            dnnl_memory_desc input = strided(inputDims, activationStrides(g.imgSize()));
            dnnl_memory_desc output = strided(outputDims, activationStrides(g.modulesX()));
            dnnl_memory_desc weights = strided(weightDims, weightStrides());
            long[] strides = {g.stride(), g.stride()};
            long[] dilation = {0, 0};
            long[] before = {g.padding(), g.padding()};
            long afterPadding = (long) (g.modulesX() - 1) * g.stride() + g.filterSize() - g.imgSize() - g.padding();
            long[] after = {afterPadding, afterPadding};
            dnnl_primitive_attr attr = new dnnl_primitive_attr();
            OneDnn.check(dnnl_primitive_attr_create(attr), "creating an attribute");
            releases.add(() -> dnnl_primitive_attr_destroy(attr));
            OneDnn.check(dnnl_primitive_attr_set_deterministic(attr, 1), "asking for determinism");
            dnnl_engine engine = OneDnn.engine();

            dnnl_primitive_desc fwd = new dnnl_primitive_desc();
            OneDnn.check(dnnl_convolution_forward_primitive_desc_create(fwd, engine, dnnl_forward_training,
                    dnnl_convolution_direct, any(inputDims), any(weightDims), null, any(outputDims), strides, dilation,
                    before, after, attr), "describing the forward conv of " + g);
            releases.add(() -> dnnl_primitive_desc_destroy(fwd));
            dnnl_primitive_desc data = new dnnl_primitive_desc();
            OneDnn.check(dnnl_convolution_backward_data_primitive_desc_create(data, engine, dnnl_convolution_direct,
                    any(inputDims), any(weightDims), any(outputDims), strides, dilation, before, after, fwd, attr),
                    "describing the input gradient of " + g);
            releases.add(() -> dnnl_primitive_desc_destroy(data));
            dnnl_primitive_desc wgt = new dnnl_primitive_desc();
            OneDnn.check(dnnl_convolution_backward_weights_primitive_desc_create(wgt, engine, dnnl_convolution_direct,
                    any(inputDims), any(weightDims), null, any(outputDims), strides, dilation, before, after, fwd,
                    attr), "describing the weight gradient of " + g);
            releases.add(() -> dnnl_primitive_desc_destroy(wgt));

            Operand[] fwdOps = {
                operand(fwd, DNNL_ARG_SRC, dnnl_query_src_md, blockedInput),
                operand(fwd, DNNL_ARG_WEIGHTS, dnnl_query_weights_md, blockedWeights),
                operand(fwd, DNNL_ARG_DST, dnnl_query_dst_md, blockedOutput)};
            Operand[] dataOps = {
                operand(data, DNNL_ARG_DIFF_DST, dnnl_query_diff_dst_md, blockedOutput),
                operand(data, DNNL_ARG_WEIGHTS, dnnl_query_weights_md, blockedWeights),
                operand(data, DNNL_ARG_DIFF_SRC, dnnl_query_diff_src_md, blockedInput)};
            Operand[] wgtOps = {
                operand(wgt, DNNL_ARG_SRC, dnnl_query_src_md, blockedInput),
                operand(wgt, DNNL_ARG_DIFF_DST, dnnl_query_diff_dst_md, blockedOutput),
                operand(wgt, DNNL_ARG_DIFF_WEIGHTS, dnnl_query_diff_weights_md, blockedWeights)};
            // Every buffer reaches its final size before any memory points into it.
            inputAt = reserve(userInput, g.inputSize());
            outputAt = reserve(userOutput, g.outputSize());
            weightsAt = reserve(userWeights, g.weightsSize());
            for (Operand[] ops : new Operand[][] {fwdOps, dataOps, wgtOps}) {
                for (Operand o : ops) {
                    reserve(o.buffer(), floats(o.layout()));
                }
            }
            dnnl_memory userIn = memory(input, userInput);
            dnnl_memory userOut = memory(output, userOutput);
            dnnl_memory userW = memory(weights, userWeights);
            forward = pass(fwd, fwdOps, userIn, input, userW, weights, userOut, output);
            backwardData = pass(data, dataOps, userOut, output, userW, weights, userIn, input);
            backwardWeights = pass(wgt, wgtOps, userIn, input, userOut, output, userW, weights);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** {@code output (+)= filterActs(input, weights)}. */
    void forward(float[] input, float[] weights, float[] output, boolean accumulate) {
        put(input, userInput, inputAt, g.inputSize());
        put(weights, userWeights, weightsAt, g.weightsSize());
        run(forward);
        get(userOutput, outputAt, output, g.outputSize(), accumulate);
    }

    /** {@code inputGrad (+)= imgActs(outputGrad, weights)}. */
    void backwardInput(float[] outputGrad, float[] weights, float[] inputGrad, boolean accumulate) {
        put(outputGrad, userOutput, outputAt, g.outputSize());
        put(weights, userWeights, weightsAt, g.weightsSize());
        run(backwardData);
        get(userInput, inputAt, inputGrad, g.inputSize(), accumulate);
    }

    /** {@code weightsGrad (+)= weightActs(input, outputGrad)}. */
    void backwardWeights(float[] input, float[] outputGrad, float[] weightsGrad, boolean accumulate) {
        put(input, userInput, inputAt, g.inputSize());
        put(outputGrad, userOutput, outputAt, g.outputSize());
        run(backwardWeights);
        get(userWeights, weightsAt, weightsGrad, g.weightsSize(), accumulate);
    }

    /**
     * Copies the first {@code length} floats of {@code source} into {@code target} from float {@code at}, split over the
     * workers: one thread's memory copy does not use the memory bandwidth both cores have (the
     * first layer's 16 MB output is the largest copy of layers-18pct's step).
     */
    private void put(float[] source, NativeFloats target, long at, long length) {
        workers.forRange((int) length, COPY_GRAIN, (from, to, w) -> target.put(at + from, source, from, to - from));
    }

    /** Copies (or adds, for {@code accumulate}) {@code length} floats of {@code source} from float {@code at} to {@code target}. */
    private void get(NativeFloats source, long at, float[] target, long length, boolean accumulate) {
        if (accumulate && staging == null) {
            staging = new float[(int) Math.max(g.inputSize(), Math.max(g.outputSize(), g.weightsSize()))];
        }
        float[] staging = this.staging;
        workers.forRange((int) length, COPY_GRAIN, (from, to, w) -> {
            if (!accumulate) {
                source.get(at + from, target, from, to - from);
                return;
            }
            source.get(at + from, staging, from, to - from);
            for (int i = from; i < to; i++) {
                target[i] += staging[i];
            }
        });
    }

    /** Runs a pass's steps and waits for them; the failure message is built only on failure (no garbage per launch). */
    private void run(Step[] steps) {
        for (Step s : steps) {
            int code = dnnl_primitive_execute(s.primitive(), stream, s.count(), s.args());
            if (code != dnnl_success) {
                OneDnn.check(code, "running a primitive of " + g);
            }
        }
        int code = dnnl_stream_wait(stream);
        if (code != dnnl_success) {
            OneDnn.check(code, "waiting for the stream");
        }
    }

    /**
     * A pass: its two inputs reordered from cuda-convnet's layouts ({@code userA}, {@code userB})
     * into the primitive's, the primitive, its result reordered back into {@code userResult}.
     */
    private Step[] pass(dnnl_primitive_desc pd, Operand[] ops, dnnl_memory userA, dnnl_memory_desc layoutA,
                        dnnl_memory userB, dnnl_memory_desc layoutB, dnnl_memory userResult,
                        dnnl_memory_desc layoutResult) {
        dnnl_memory a = memory(ops[0].layout(), ops[0].buffer());
        dnnl_memory b = memory(ops[1].layout(), ops[1].buffer());
        dnnl_memory result = memory(ops[2].layout(), ops[2].buffer());
        return new Step[] {
            reorder(userA, layoutA, a, ops[0].layout()),
            reorder(userB, layoutB, b, ops[1].layout()),
            step(pd, new int[] {ops[0].arg(), ops[1].arg(), ops[2].arg()}, a, b, result),
            reorder(result, ops[2].layout(), userResult, layoutResult)};
    }

    private static Operand operand(dnnl_primitive_desc pd, int arg, int query, NativeFloats buffer) {
        return new Operand(arg, dnnl_primitive_desc_query_md(pd, query, 0), buffer);
    }

    private Step reorder(dnnl_memory from, dnnl_memory_desc fromLayout, dnnl_memory to, dnnl_memory_desc toLayout) {
        dnnl_primitive_desc pd = new dnnl_primitive_desc();
        OneDnn.check(dnnl_reorder_primitive_desc_create(pd, fromLayout, OneDnn.engine(), toLayout, OneDnn.engine(),
                null), "describing a reorder for " + g);
        releases.add(() -> dnnl_primitive_desc_destroy(pd));
        return step(pd, new int[] {DNNL_ARG_FROM, DNNL_ARG_TO}, from, to);
    }

    private Step step(dnnl_primitive_desc pd, int[] kinds, dnnl_memory... memories) {
        dnnl_primitive p = new dnnl_primitive();
        OneDnn.check(dnnl_primitive_create(p, pd), "creating a primitive for " + g);
        releases.add(() -> dnnl_primitive_destroy(p));
        dnnl_exec_arg_t args = new dnnl_exec_arg_t(kinds.length);
        for (int i = 0; i < kinds.length; i++) {
            args.position(i).arg(kinds[i]).memory(memories[i]);
        }
        args.position(0);
        releases.add(args::close);
        return new Step(p, args, kinds.length);
    }

    /** Grows {@code buffer} to hold {@code floats} from its first 64-byte aligned float, and returns that float's index. */
    private static long reserve(NativeFloats buffer, long floats) {
        buffer.ensure(Math.max(buffer.capacity(), floats + 16));
        return aligned(buffer);
    }

    /** The index of {@code buffer}'s first float at a 64-byte aligned address, which oneDNN's vector loads prefer. */
    private static long aligned(NativeFloats buffer) {
        return ((64 - buffer.at(0).address() % 64) % 64) / Float.BYTES;
    }

    private static long floats(dnnl_memory_desc layout) {
        return (dnnl_memory_desc_get_size(layout) + Float.BYTES - 1) / Float.BYTES;
    }

    /** A memory of {@code layout} over {@code buffer} from its first aligned float ({@link #reserve}d before). */
    private dnnl_memory memory(dnnl_memory_desc layout, NativeFloats buffer) {
        dnnl_memory m = new dnnl_memory();
        long address = buffer.at(0).address() + aligned(buffer) * Float.BYTES;
        OneDnn.check(dnnl_memory_create(m, layout, OneDnn.engine(), at(address)), "creating a memory for " + g);
        releases.add(() -> dnnl_memory_destroy(m));
        return m;
    }

    /**
     * A bare pointer to {@code start}: a typed pointer with a position would reach a {@code void*}
     * parameter offset by its position in bytes, not in elements, so the address is given whole.
     */
    private static Pointer at(long start) {
        return new Pointer() {
            {
                address = start; // Pointer's own field: a parameter of that name would be shadowed by it
            }
        };
    }

    private dnnl_memory_desc strided(long[] dims, long[] strides) {
        dnnl_memory_desc md = new dnnl_memory_desc();
        OneDnn.check(dnnl_memory_desc_create_with_strides(md, dims.length, dims, dnnl_f32, strides),
                "describing a tensor of " + g);
        releases.add(() -> dnnl_memory_desc_destroy(md));
        return md;
    }

    /** A descriptor of {@code dims} in whatever layout the primitive likes best. */
    private dnnl_memory_desc any(long[] dims) {
        dnnl_memory_desc md = new dnnl_memory_desc();
        OneDnn.check(dnnl_memory_desc_create_with_tag(md, dims.length, dims, dnnl_f32, dnnl_format_tag_any),
                "describing a tensor of " + g);
        releases.add(() -> dnnl_memory_desc_destroy(md));
        return md;
    }

    private long[] activationDims(int channels, int size) {
        return new long[] {g.numCases(), channels, size, size};
    }

    private long[] activationStrides(int size) {
        long n = g.numCases();
        return new long[] {1, (long) size * size * n, size * n, n};
    }

    private long[] weightDims() {
        int fs = g.filterSize();
        return g.groups() == 1 ? new long[] {g.filters(), g.channels(), fs, fs}
                : new long[] {g.groups(), g.groupFilters(), g.filterChannels(), fs, fs};
    }

    private long[] weightStrides() {
        long fs = g.filterSize();
        long f = g.filters();
        return g.groups() == 1 ? new long[] {1, fs * fs * f, fs * f, f}
                : new long[] {g.groupFilters(), 1, fs * fs * f, fs * f, f};
    }

    @Override
    public void close() {
        for (int i = releases.size() - 1; i >= 0; i--) {
            releases.get(i).run();
        }
        releases.clear();
        userInput.close();
        userOutput.close();
        userWeights.close();
        blockedInput.close();
        blockedOutput.close();
        blockedWeights.close();
    }
}
