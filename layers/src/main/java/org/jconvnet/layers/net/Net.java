package org.jconvnet.layers.net;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.kernel.KernelArgs;
import org.jconvnet.api.kernel.KernelKey;
import org.jconvnet.api.kernel.Ops;
import org.jconvnet.api.layer.Layer;
import org.jconvnet.api.layer.ParamSpec;
import org.jconvnet.api.layer.PassMode;
import org.jconvnet.api.layer.ScratchSpec;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.api.tensor.Tensor;

/**
 * A {@link NetDefinition} bound to one backend and element type: it owns every tensor (activations,
 * their gradients and scratch buffers, {@code rows x N}, re-allocated when N changes; parameters,
 * their gradients and momentum buffers), runs layers forward in execution order and backward in
 * reverse order, and applies the SGD update of cuda-convnet.md §5.3.
 *
 * <p>Backward details: an activation consumed by several layers receives the sum of their
 * gradients (the second and later writers get {@code accumulate}); a layer whose
 * {@link Layer#absorbsBackwardOf()} input has it as only consumer (cost.logreg over softmax) writes
 * straight into that input's input gradient and the absorbed layer is skipped; gradients of
 * parameters whose learning rate is 0 are not computed, and a sub-net that needs no gradient
 * (nothing trainable below it, data gradients off) is not visited at all.
 *
 * <p>Not thread-safe.
 */
public final class Net implements AutoCloseable {
    private static final String SGD_TYPE = "tensor";

    private final NetDefinition def;
    private final Backend backend;
    private final DType dtype;
    private final List<Layer> layers;
    private final Map<String, Integer> index = new HashMap<>();
    private final int[][] inputIdx;
    private final int[] absorbedBy;
    private final List<Map<String, ParamState>> params = new ArrayList<>();
    private final boolean[] trainable;
    private Tensor[] outputs;
    private Tensor[] grads;
    private List<Map<String, Tensor>> scratch;
    private int numCases = -1;
    private int lastForwardCases = -1;
    private Map<String, double[]> lastCosts = Map.of();
    private PassMode lastPass = PassMode.TRAIN;
    private boolean dataGradients;
    private SplittableRandom random = new SplittableRandom(0);
    private LayerProfile profile;
    private boolean closed;

    /** One parameter matrix: its value, the gradient of the last backward, and its momentum ({@code inc}). */
    private record ParamState(ParamSpec spec, Tensor value, Tensor grad, Tensor inc) {
        void close() {
            value.close();
            grad.close();
            inc.close();
        }
    }

    /**
     * Binds {@code def} to {@code backend}; parameters start at zero until {@link #initParams} or
     * {@link #setParam}.
     *
     * @throws JConvNetException when the backend does not run {@code dtype}
     */
    public Net(NetDefinition def, Backend backend, DType dtype) {
        if (!backend.supportedDTypes().contains(dtype)) {
            throw new JConvNetException("backend '" + backend.id() + "' does not run " + dtype.label()
                    + "; it supports " + backend.supportedDTypes());
        }
        this.def = def;
        this.backend = backend;
        this.dtype = dtype;
        this.layers = def.layers();
        int n = layers.size();
        for (int i = 0; i < n; i++) {
            index.put(layers.get(i).name(), i);
        }
        inputIdx = new int[n][];
        trainable = new boolean[n];
        for (int i = 0; i < n; i++) {
            Layer l = layers.get(i);
            inputIdx[i] = def.inputsOf(l.name()).stream().mapToInt(index::get).toArray();
            Map<String, ParamState> ps = new LinkedHashMap<>();
            for (ParamSpec spec : l.params()) {
                ps.put(spec.name(), new ParamState(spec, backend.allocate(spec.rows(), spec.cols(), dtype),
                        backend.allocate(spec.rows(), spec.cols(), dtype), backend.allocate(spec.rows(), spec.cols(), dtype)));
                trainable[i] |= !spec.learning().eps().isZero();
            }
            params.add(ps);
        }
        absorbedBy = new int[n];
        Arrays.fill(absorbedBy, -1);
        for (int i = 0; i < n; i++) {
            int a = layers.get(i).absorbsBackwardOf();
            if (a < 0 || a >= inputIdx[i].length) {
                continue;
            }
            int target = inputIdx[i][a];
            if (def.consumersOf(layers.get(target).name()).size() == 1 && inputIdx[target].length == 1) {
                absorbedBy[target] = i;
            }
        }
    }

    /** The definition this net runs. */
    public NetDefinition definition() {
        return def;
    }

    /** The backend this net runs on. */
    public Backend backend() {
        return backend;
    }

    /** The element type of every tensor. */
    public DType dtype() {
        return dtype;
    }

    /**
     * Initialises parameters as cuda-convnet does (cuda-convnet.md §5.4): each weight
     * {@code initW * N(0,1)}, each bias {@code initB}; momentum buffers and gradients 0. The draws
     * come from one generator seeded with {@code seed}, layer by layer and parameter by parameter
     * in memory order, so the result depends only on the seed and the net.
     */
    public void initParams(long seed) {
        Random rng = new Random(seed);
        for (Map<String, ParamState> ps : params) {
            for (ParamState p : ps.values()) {
                double[] v = new double[Math.toIntExact(p.spec().size())];
                double std = p.spec().initStd();
                for (int k = 0; k < v.length; k++) {
                    v[k] = p.spec().initValue() + (std != 0 ? std * rng.nextGaussian() : 0);
                }
                p.value().upload(v);
                p.inc().zero();
                p.grad().zero();
            }
        }
        random = new SplittableRandom(seed);
    }

    /** The spec of parameter {@code param} of {@code layer}. */
    public ParamSpec paramSpec(String layer, String param) {
        return state(layer, param).spec();
    }

    /** A parameter, flat in its {@link ParamSpec} memory order. */
    public double[] getParam(String layer, String param) {
        return state(layer, param).value().download();
    }

    /** Sets a parameter from a flat array in its {@link ParamSpec} memory order. */
    public void setParam(String layer, String param, double[] v) {
        ParamState p = state(layer, param);
        checkLength(layer + "." + param, v, p.spec().size());
        p.value().upload(v);
    }

    /** A parameter's momentum buffer ({@code V} of cuda-convnet.md §5.3). */
    public double[] getMomentum(String layer, String param) {
        return state(layer, param).inc().download();
    }

    /** Sets a parameter's momentum buffer. */
    public void setMomentum(String layer, String param, double[] v) {
        ParamState p = state(layer, param);
        checkLength(layer + "." + param + " momentum", v, p.spec().size());
        p.inc().upload(v);
    }

    /** The gradient of the cost with respect to a parameter, summed over the cases of the last backward. */
    public double[] getParamGrad(String layer, String param) {
        return state(layer, param).grad().download();
    }

    /** Whether backward also fills {@link #outputGrad} of data layers (for gradient checks). */
    public void computeDataGradients(boolean on) {
        dataGradients = on;
    }

    /**
     * Runs the net forward.
     *
     * @param data     by {@code dataIdx}: flat {@code rows x numCases} with the case index fastest;
     *                 labels are class indices as reals
     * @param numCases N
     * @param pass     training or test
     * @return per cost layer, each of its output rows summed over the cases
     * @throws IllegalArgumentException when a data matrix is missing or has the wrong size
     */
    public Map<String, double[]> forward(Map<Integer, double[]> data, int numCases, PassMode pass) {
        checkOpen();
        if (numCases <= 0) {
            throw new IllegalArgumentException("numCases must be positive, got " + numCases);
        }
        allocate(numCases);
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            if (l.dataIndex().isPresent()) {
                int idx = l.dataIndex().get();
                double[] v = data.get(idx);
                if (v == null) {
                    throw new IllegalArgumentException("data layer '" + l.name() + "' needs data matrix " + idx
                            + " (" + l.outputs() + " x " + numCases + "), and none was given; given: " + data.keySet());
                }
                checkLength("data matrix " + idx + " for layer '" + l.name() + "' (" + l.outputs() + " x " + numCases + ")",
                        v, (long) l.outputs() * numCases);
                outputs[i].upload(v);
            }
        }
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            NetLayerRun r = run(i, pass, null, null, false);
            timed(l, LayerProfile.Phase.FORWARD, () -> l.forward(r));
        }
        lastForwardCases = numCases;
        Map<String, double[]> costs = new LinkedHashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            Layer l = layers.get(i);
            if (l.isCost()) {
                costs.put(l.name(), rowSums(outputs[i].download(), l.outputs(), numCases));
            }
        }
        lastCosts = costs;
        lastPass = pass;
        return costs;
    }

    /** The objective of the last forward: sum over cost layers of {@code coeff * (row 0 summed over cases)}. */
    public double objective() {
        double sum = 0;
        for (Map.Entry<String, double[]> e : lastCosts.entrySet()) {
            sum += def.layer(e.getKey()).costCoefficient() * e.getValue()[0];
        }
        return sum;
    }

    /** Backpropagates the objective from every cost layer (after a {@link #forward}). */
    public void backward() {
        requireForward();
        boolean[] roots = new boolean[layers.size()];
        for (int i = 0; i < layers.size(); i++) {
            roots[i] = layers.get(i).isCost();
        }
        runBackward(roots, -1);
    }

    /**
     * Backpropagates a given gradient at {@code layer}'s output (rows x N, case fastest) through the
     * layers below it. Cost layers are not involved.
     */
    public void backwardFrom(String layer, double[] outputGrad) {
        requireForward();
        int root = layerIndex(layer);
        checkLength("output gradient of '" + layer + "'", outputGrad, (long) layers.get(root).outputs() * numCases);
        grads[root].upload(outputGrad);
        boolean[] roots = new boolean[layers.size()];
        roots[root] = true;
        runBackward(roots, root);
    }

    /** The activations of {@code layer} from the last forward, rows x N. */
    public double[] output(String layer) {
        requireForward();
        return outputs[layerIndex(layer)].download();
    }

    /** The gradient with respect to {@code layer}'s output from the last backward, rows x N. */
    public double[] outputGrad(String layer) {
        requireForward();
        return grads[layerIndex(layer)].download();
    }

    /**
     * One SGD step on every parameter with a non-zero learning rate (cuda-convnet.md §5.3):
     * {@code V = mom*V - (eps/N)*G - eps*wc*W; W += V}, eps at training {@code progress} in [0, 1],
     * N the case count of the last forward.
     */
    public void sgdStep(double progress) {
        requireForward();
        for (int i = 0; i < layers.size(); i++) {
            if (trainable[i]) {
                Map<String, ParamState> ps = params.get(i);
                timed(layers.get(i), LayerProfile.Phase.SGD, () -> ps.values().forEach(p -> sgdStep(p, progress)));
            }
        }
    }

    /**
     * Attaches a profile that from now on receives the time of every layer's forward, backward and
     * SGD step ({@code null} detaches it). Profiling synchronises the backend around each layer.
     */
    public void profileWith(LayerProfile profile) {
        this.profile = profile;
    }

    private void sgdStep(ParamState p, double progress) {
        if (p.spec().learning().eps().isZero()) {
            return;
        }
        double eps = p.spec().learning().eps().at(progress);
        backend.kernels().get(KernelKey.of(SGD_TYPE, Ops.SGD, dtype)).launch(KernelArgs.create()
                .tensor("weights", p.value()).tensor("grad", p.grad()).tensor("inc", p.inc())
                .real("gradScale", eps / lastForwardCases)
                .real("mom", p.spec().learning().mom())
                .real("decay", eps * p.spec().learning().wc()));
    }

    /** Runs {@code work}, timing it into the attached profile (if any) between two synchronisations. */
    private void timed(Layer l, LayerProfile.Phase phase, Runnable work) {
        if (profile == null) {
            work.run();
            return;
        }
        backend.synchronize();
        long t0 = System.nanoTime();
        work.run();
        backend.synchronize();
        profile.add(l.name(), l.type(), phase, System.nanoTime() - t0);
    }

    /** Releases every tensor (the backend stays open; it is not the net's). Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        releaseActivations();
        params.forEach(ps -> ps.values().forEach(ParamState::close));
    }

    private void runBackward(boolean[] roots, int seeded) {
        int n = layers.size();
        boolean[] active = ancestorsOf(roots);
        boolean[] needs = needsGradient();
        boolean[] written = new boolean[n];
        if (seeded >= 0) {
            written[seeded] = true;
        }
        if (dataGradients) {
            for (int i = 0; i < n; i++) {
                if (layers.get(i).dataIndex().isPresent()) {
                    grads[i].zero();
                }
            }
        }
        for (int i = n - 1; i >= 0; i--) {
            Layer l = layers.get(i);
            if (!active[i] || l.dataIndex().isPresent() || !needs[i]) {
                continue;
            }
            if (absorbedBy[i] >= 0 && active[absorbedBy[i]]) {
                continue;
            }
            if (!l.isCost() && !written[i]) {
                // Nothing reached this layer's output (its consumers need no gradient): treat it as zero.
                grads[i].zero();
                written[i] = true;
            }
            int[] in = inputIdx[i];
            boolean absorbing = false;
            int[] targets = in.clone();
            int a = l.absorbsBackwardOf();
            if (a >= 0 && a < in.length && absorbedBy[in[a]] == i) {
                absorbing = true;
                targets[a] = inputIdx[in[a]][0];
            }
            Tensor[] inputGrads = new Tensor[in.length];
            boolean[] accumulate = new boolean[in.length];
            for (int j = 0; j < in.length; j++) {
                int t = targets[j];
                if (!needs[t]) {
                    continue;
                }
                inputGrads[j] = grads[t];
                boolean earlier = false;
                for (int k = 0; k < j; k++) {
                    earlier |= inputGrads[k] != null && targets[k] == t;
                }
                accumulate[j] = written[t] || earlier;
            }
            NetLayerRun r = run(i, lastPass, inputGrads, accumulate, absorbing);
            timed(l, LayerProfile.Phase.BACKWARD, () -> l.backward(r));
            for (int j = 0; j < in.length; j++) {
                if (inputGrads[j] != null) {
                    written[targets[j]] = true;
                }
            }
        }
    }

    /** Layers from which some root is reachable (roots included). */
    private boolean[] ancestorsOf(boolean[] roots) {
        boolean[] active = roots.clone();
        for (int i = layers.size() - 1; i >= 0; i--) {
            if (active[i]) {
                for (int j : inputIdx[i]) {
                    active[j] = true;
                }
            }
        }
        return active;
    }

    /** Whether the gradient at each layer's output is needed by something below it. */
    private boolean[] needsGradient() {
        boolean[] needs = new boolean[layers.size()];
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).dataIndex().isPresent()) {
                needs[i] = dataGradients;
                continue;
            }
            boolean any = trainable[i];
            for (int j : inputIdx[i]) {
                any |= needs[j];
            }
            needs[i] = any;
        }
        return needs;
    }

    private NetLayerRun run(int i, PassMode pass, Tensor[] inputGrads, boolean[] accumulate, boolean absorbing) {
        Layer l = layers.get(i);
        int[] in = inputIdx[i];
        Tensor[] inputs = new Tensor[in.length];
        for (int j = 0; j < in.length; j++) {
            inputs[j] = outputs[in[j]];
        }
        Map<String, Tensor> values = new HashMap<>();
        Map<String, Tensor> paramGrads = new HashMap<>();
        for (ParamState p : params.get(i).values()) {
            values.put(p.spec().name(), p.value());
            if (inputGrads != null && !p.spec().learning().eps().isZero()) {
                paramGrads.put(p.spec().name(), p.grad());
            }
        }
        return new NetLayerRun(backend, dtype, numCases, pass, l.name(), inputs, outputs[i],
                inputGrads == null ? null : grads[i], inputGrads, accumulate, absorbing, values, paramGrads,
                scratch.get(i), random);
    }

    private void allocate(int n) {
        if (n == numCases) {
            return;
        }
        releaseActivations();
        outputs = new Tensor[layers.size()];
        grads = new Tensor[layers.size()];
        scratch = new ArrayList<>();
        try {
            for (int i = 0; i < layers.size(); i++) {
                Layer l = layers.get(i);
                outputs[i] = allocateFor(l, "output", l.outputs(), n);
                grads[i] = allocateFor(l, "output gradient", l.outputs(), n);
                Map<String, Tensor> s = new HashMap<>();
                scratch.add(s);
                for (ScratchSpec spec : l.scratch()) {
                    s.put(spec.name(), allocateFor(l, "scratch '" + spec.name() + "'", spec.rows(), n));
                }
            }
        } catch (RuntimeException e) {
            // Give back what this attempt got, so a retry with a smaller batch starts from nothing.
            releaseActivations();
            throw e;
        }
        numCases = n;
        lastForwardCases = -1;
    }

    /** One activation-sized tensor; a failure (device memory exhausted, say) names the layer and the tensor. */
    private Tensor allocateFor(Layer l, String what, int rows, int n) {
        try {
            return backend.allocate(rows, n, dtype);
        } catch (RuntimeException e) {
            throw new JConvNetException("cannot allocate the " + what + " of layer '" + l.name() + "' (" + rows + " x "
                    + n + " cases, " + dtype.label() + ") on backend '" + backend.id() + "': " + e.getMessage(), e);
        }
    }

    private void releaseActivations() {
        if (outputs == null) {
            return;
        }
        for (Tensor t : outputs) {
            if (t != null) {
                t.close();
            }
        }
        for (Tensor t : grads) {
            if (t != null) {
                t.close();
            }
        }
        scratch.forEach(m -> m.values().forEach(Tensor::close));
        outputs = null;
        grads = null;
        numCases = -1;
    }

    private static double[] rowSums(double[] v, int rows, int n) {
        double[] out = new double[rows];
        for (int r = 0; r < rows; r++) {
            double s = 0;
            for (int c = 0; c < n; c++) {
                s += v[r * n + c];
            }
            out[r] = s;
        }
        return out;
    }

    private ParamState state(String layer, String param) {
        ParamState p = params.get(layerIndex(layer)).get(param);
        if (p == null) {
            throw new IllegalArgumentException("layer '" + layer + "' has no parameter '" + param + "'; it has "
                    + params.get(layerIndex(layer)).keySet());
        }
        return p;
    }

    private int layerIndex(String layer) {
        Integer i = index.get(layer);
        if (i == null) {
            throw new IllegalArgumentException("no layer '" + layer + "' in this net; layers: " + index.keySet());
        }
        return i;
    }

    private void requireForward() {
        checkOpen();
        if (lastForwardCases < 0) {
            throw new IllegalStateException("run forward() first");
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this net is closed");
        }
    }

    private static void checkLength(String what, double[] v, long expected) {
        if (v.length != expected) {
            throw new IllegalArgumentException(what + ": expected " + expected + " values, got " + v.length);
        }
    }
}
