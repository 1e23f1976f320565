package org.jconvnet.backend.blas.core;

/**
 * One backend's engine: its {@link Workers}, its {@link Scratch} and the kernel bodies over them.
 * A launch holds the engine's lock ({@link #lock}) for its duration, because launches share the
 * scratch; a backend's launches come one after another anyway.
 */
public final class Compute implements AutoCloseable {
    private final Workers workers;
    private final Scratch scratch;
    private final FilterOps filters;
    private final DenseOps dense;
    private final PoolOps pool;
    private final NormOps norms;
    private final PointwiseOps pointwise;
    private final SoftmaxOps softmax;
    /** conv through oneDNN, or null. */
    private final OneDnnConvolutions oneDnn;
    /** A lock of its own: workers synchronise on the scratch while a launch holds this. */
    private final Object launchLock = new Object();

    /** An engine with {@code threads} workers whose conv runs through im2col + OpenBLAS sgemm. */
    public Compute(int threads) {
        this(threads, false);
    }

    /**
     * An engine with {@code threads} workers; with {@code oneDnn} (which needs {@link OneDnn#load}
     * to have succeeded) conv runs through oneDNN's primitives, else through im2col + OpenBLAS sgemm.
     */
    public Compute(int threads, boolean oneDnn) {
        this.workers = new Workers(threads);
        this.scratch = new Scratch(workers.count());
        this.oneDnn = oneDnn ? new OneDnnConvolutions(workers) : null;
        this.filters = new FilterOps(workers, scratch, this.oneDnn);
        this.dense = new DenseOps(workers, scratch);
        this.pool = new PoolOps(workers);
        this.norms = new NormOps(workers, scratch);
        this.pointwise = new PointwiseOps(workers);
        this.softmax = new SoftmaxOps(workers);
    }

    /** The object a launch synchronises on. */
    public Object lock() {
        return launchLock;
    }

    /** The launches' shared scratch (its {@link Scratch#footprint} shows whether a launch allocated). */
    public Scratch scratch() {
        return scratch;
    }

    /** conv and local. */
    public FilterOps filters() {
        return filters;
    }

    /** fc. */
    public DenseOps dense() {
        return dense;
    }

    /** pool. */
    public PoolOps pool() {
        return pool;
    }

    /** cmrnorm, rnorm, cnorm. */
    public NormOps norms() {
        return norms;
    }

    /** neuron, sgd, bias, eltsum, eltmax. */
    public PointwiseOps pointwise() {
        return pointwise;
    }

    /** softmax, cost.logreg, cost.sum2. */
    public SoftmaxOps softmax() {
        return softmax;
    }

    @Override
    public void close() {
        synchronized (lock()) {
            workers.close();
            scratch.close();
            if (oneDnn != null) {
                oneDnn.close();
            }
        }
    }
}
