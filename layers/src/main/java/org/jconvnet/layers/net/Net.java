package org.jconvnet.layers.net;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.layer.Layer;
import org.jconvnet.api.layer.ParamSpec;
import org.jconvnet.api.layer.PassMode;
import org.jconvnet.api.tensor.DType;

/**
 * A {@link NetDefinition} bound to one backend and element type: it owns every tensor (parameters
 * and their gradients in {@code NetParameters}; activations, their gradients and scratch buffers,
 * {@code rows x N}, re-allocated when N changes, in {@code Activations}), runs layers forward in
 * execution order and backward in reverse order. The update rule is not the net's: a solver reads
 * {@link #parameters()} and their gradients after a backward and changes the values.
 *
 * <p>Everything a pass needs is built with the net: each layer's forward run and every backward
 * schedule ({@code BackwardSchedule} says what backward does with shared activations, the
 * cost.logreg-over-softmax shortcut, frozen parameters and sub-nets that need no gradient). A
 * pass only uploads its data, runs the layers and collects the costs.
 *
 * <p>Not thread-safe.
 */
public final class Net implements AutoCloseable {
    private final NetDefinition def;
    private final Backend backend;
    private final DType dtype;
    private final NetGraph graph;
    private final NetParameters params;
    private final Activations activations;
    private final PassState state = new PassState();
    private final NetProfiler profiler;
    private final NetLayerRun[] forwardRuns;
    private final BackwardSchedules schedules;
    private int lastForwardCases = -1;
    private Map<String, double[]> lastCosts = Map.of();
    private boolean dataGradients;
    private boolean closed;

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
        this.graph = new NetGraph(def);
        this.params = new NetParameters(graph, backend, dtype);
        this.activations = new Activations(graph, backend, dtype);
        this.profiler = new NetProfiler(backend);
        NetLayerRun.Source runs = new NetLayerRun.Source(backend, dtype, graph, activations, params, state);
        forwardRuns = new NetLayerRun[graph.size()];
        for (int i = 0; i < forwardRuns.length; i++) {
            forwardRuns[i] = runs.forward(i);
        }
        schedules = new BackwardSchedules(graph, params, runs);
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
     * {@code initW * N(0,1)}, each bias {@code initB}; gradients 0. The draws come from one
     * generator seeded with {@code seed}, layer by layer and parameter by parameter in memory
     * order, so the result depends only on the seed and the net; stochastic layers restart from
     * the same seed. A solver's state (momentum) is the solver's, and starts at zero with it.
     */
    public void initParams(long seed) {
        params.init(seed);
        state.reseed(seed);
    }

    /**
     * Every parameter matrix, in layer order, weights before biases: what a solver updates. The
     * list and its tensors belong to the net and live until {@link #close()}.
     */
    public List<Parameter> parameters() {
        return params.all();
    }

    /** The spec of parameter {@code param} of {@code layer}. */
    public ParamSpec paramSpec(String layer, String param) {
        return params.get(layer, param).spec();
    }

    /** A parameter, flat in its {@link ParamSpec} memory order. */
    public double[] getParam(String layer, String param) {
        return params.get(layer, param).value().download();
    }

    /** Sets a parameter from a flat array in its {@link ParamSpec} memory order. */
    public void setParam(String layer, String param, double[] v) {
        Parameter p = params.get(layer, param);
        checkLength(layer + "." + param, v, p.spec().size());
        p.value().upload(v);
    }

    /** The gradient of the cost with respect to a parameter, summed over the cases of the last backward. */
    public double[] getParamGrad(String layer, String param) {
        return params.get(layer, param).grad().download();
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
        prepareCases(numCases);
        activations.uploadData(data);
        return runForward(numCases, pass);
    }

    /**
     * {@link #forward(Map, int, PassMode)} with float32 data: each matrix reaches its tensor through
     * {@link org.jconvnet.api.tensor.Tensor#upload(float[])}, so on a float32 net no {@code double}
     * copy of the data is made (a float64 net widens each value exactly).
     *
     * @param data     by {@code dataIdx}: flat {@code rows x numCases} with the case index fastest
     * @param numCases N
     * @param pass     training or test
     * @return per cost layer, each of its output rows summed over the cases
     * @throws IllegalArgumentException when a data matrix is missing or has the wrong size
     */
    public Map<String, double[]> forwardFloats(Map<Integer, float[]> data, int numCases, PassMode pass) {
        prepareCases(numCases);
        activations.uploadFloatData(data);
        return runForward(numCases, pass);
    }

    private void prepareCases(int numCases) {
        checkOpen();
        if (numCases <= 0) {
            throw new IllegalArgumentException("numCases must be positive, got " + numCases);
        }
        if (activations.ensureCases(numCases)) {
            lastForwardCases = -1;
        }
    }

    private Map<String, double[]> runForward(int numCases, PassMode pass) {
        state.pass(pass);
        for (int i = 0; i < graph.size(); i++) {
            profiler.forward(graph.layer(i), forwardRuns[i]);
        }
        lastForwardCases = numCases;
        Map<String, double[]> costs = new LinkedHashMap<>();
        for (int i = 0; i < graph.size(); i++) {
            Layer l = graph.layer(i);
            if (l.isCost()) {
                costs.put(l.name(), activations.rowSums(i));
            }
        }
        lastCosts = costs;
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
        run(schedules.fromCosts(dataGradients));
    }

    /**
     * Backpropagates a given gradient at {@code layer}'s output (rows x N, case fastest) through the
     * layers below it. Cost layers are not involved.
     */
    public void backwardFrom(String layer, double[] outputGrad) {
        requireForward();
        int root = graph.indexOf(layer);
        checkLength("output gradient of '" + layer + "'", outputGrad, (long) graph.layer(root).outputs() * lastForwardCases);
        activations.grad(root).upload(outputGrad);
        run(schedules.fromLayer(root, dataGradients));
    }

    private void run(BackwardSchedule schedule) {
        for (int i : schedule.zeroFirst()) {
            activations.grad(i).zero();
        }
        for (BackwardSchedule.Step s : schedule.steps()) {
            if (s.zeroOutputGrad()) {
                // Nothing reached this layer's output (its consumers need no gradient): treat it as zero.
                activations.grad(s.index()).zero();
            }
            profiler.backward(s.layer(), s.run());
        }
    }

    /** The activations of {@code layer} from the last forward, rows x N. */
    public double[] output(String layer) {
        requireForward();
        return activations.output(graph.indexOf(layer)).download();
    }

    /**
     * The activations of {@code layer} from the last forward as float32, rows x N: on a float32 net
     * the tensor's values themselves ({@link org.jconvnet.api.tensor.Tensor#downloadFloats()}, no
     * {@code double} copy); a float64 net's values are rounded to float.
     */
    public float[] outputFloats(String layer) {
        requireForward();
        return activations.output(graph.indexOf(layer)).downloadFloats();
    }

    /** The gradient with respect to {@code layer}'s output from the last backward, rows x N. */
    public double[] outputGrad(String layer) {
        requireForward();
        return activations.grad(graph.indexOf(layer)).download();
    }

    /**
     * N of the last forward: the number of cases each parameter gradient is summed over, by which
     * a solver divides the learning rate.
     *
     * @throws IllegalStateException before the first forward, or after one that failed
     */
    public int lastForwardCases() {
        requireForward();
        return lastForwardCases;
    }

    /**
     * Attaches a profile that from now on receives the time of every layer's forward and backward
     * and of each solver update run through {@link #timeUpdate} ({@code null} detaches it).
     * Profiling synchronises the backend around each layer.
     */
    public void profileWith(LayerProfile profile) {
        profiler.attach(profile);
    }

    /**
     * Runs {@code update}, a solver's update of {@code layer}'s parameters, timed into the attached
     * profile (if any) as that layer's {@link LayerProfile.Phase#SGD} phase.
     */
    public void timeUpdate(Layer layer, Runnable update) {
        profiler.time(layer, LayerProfile.Phase.SGD, update);
    }

    /** Releases every tensor (the backend stays open; it is not the net's). Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        activations.release();
        params.close();
    }

    /** The schedules every backward pass runs from (for tests: they are planned once, at construction). */
    BackwardSchedules schedules() {
        return schedules;
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

    static void checkLength(String what, double[] v, long expected) {
        checkLength(what, v.length, expected);
    }

    static void checkLength(String what, int length, long expected) {
        if (length != expected) {
            throw new IllegalArgumentException(what + ": expected " + expected + " values, got " + length);
        }
    }
}
