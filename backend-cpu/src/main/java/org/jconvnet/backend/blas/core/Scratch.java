package org.jconvnet.backend.blas.core;

import java.util.ArrayList;
import java.util.List;

/**
 * Every buffer the kernels work in besides their tensors, kept by the backend and reused by every
 * launch: per worker, native operands of the products and a heap staging array; shared by all
 * workers, heap slots indexed by task. Buffers only grow, so after the first minibatch of a net a
 * training loop allocates nothing here. Launches on one backend are serialised by the caller
 * (the kernel table locks the scratch), since they share it.
 */
public final class Scratch implements AutoCloseable {
    private final WorkerScratch[] workers;
    private final List<float[]> slots = new ArrayList<>();
    private final NativeFloats shared = new NativeFloats();

    /** The scratch of one worker: its native operands and a heap staging array. */
    public static final class WorkerScratch {
        /** Unfolded images (im2col) or their gradients. */
        public final NativeFloats columns = new NativeFloats();
        /** Output gradients, or inputs of an fc product. */
        public final NativeFloats grads = new NativeFloats();
        /** Products before they are copied out. */
        public final NativeFloats products = new NativeFloats();
        /** Weights of the modules a task handles. */
        public final NativeFloats weights = new NativeFloats();
        private float[] staging = new float[0];
        private float[] zeros = new float[0];

        /** A heap array of at least {@code n} floats, contents undefined. */
        public float[] staging(int n) {
            if (staging.length < n) {
                staging = new float[n];
            }
            return staging;
        }

        /** A heap array of at least {@code n} zeros (never written). */
        public float[] zeros(int n) {
            if (zeros.length < n) {
                zeros = new float[n];
            }
            return zeros;
        }

        /** Floats held by this worker's buffers, native and heap. */
        long footprint() {
            return columns.capacity() + grads.capacity() + products.capacity() + weights.capacity() + staging.length
                    + zeros.length;
        }

        void close() {
            columns.close();
            grads.close();
            products.close();
            weights.close();
        }
    }

    /** Scratch for {@code workers} workers. */
    public Scratch(int workers) {
        this.workers = new WorkerScratch[workers];
        for (int w = 0; w < workers; w++) {
            this.workers[w] = new WorkerScratch();
        }
    }

    /**
     * Grows every worker's buffers to at least these sizes (in floats) before a launch's tasks
     * start. Tasks go to whichever worker is free, so growing only in the task that needs a size
     * would let a later minibatch grow a worker that happened to get smaller tasks (or none) in
     * the first: reserving up front makes the first launch of a geometry the only one that grows.
     */
    public void reserve(long columns, long grads, long products, long weights, int staging, int zeros) {
        for (WorkerScratch w : workers) {
            w.columns.ensure(columns);
            w.grads.ensure(grads);
            w.products.ensure(products);
            w.weights.ensure(weights);
            w.staging(staging);
            w.zeros(zeros);
        }
    }

    /** Worker {@code w}'s scratch. */
    public WorkerScratch worker(int w) {
        return workers[w];
    }

    /** Shared heap slot {@code slot} of at least {@code n} floats, contents undefined. */
    public synchronized float[] slot(int slot, int n) {
        while (slots.size() <= slot) {
            slots.add(new float[0]);
        }
        if (slots.get(slot).length < n) {
            slots.set(slot, new float[n]);
        }
        return slots.get(slot);
    }

    /**
     * Floats held by every buffer here, native and heap: after a net's first minibatch this stays
     * put, which is how the tests check that a training loop allocates nothing per minibatch.
     */
    public synchronized long footprint() {
        long sum = shared.capacity();
        for (WorkerScratch w : workers) {
            sum += w.footprint();
        }
        for (float[] s : slots) {
            sum += s.length;
        }
        return sum;
    }

    /** A native buffer shared by all workers (for read-only operands), of at least {@code n} floats. */
    public NativeFloats shared(long n) {
        return shared.ensure(n);
    }

    @Override
    public void close() {
        for (WorkerScratch w : workers) {
            w.close();
        }
        shared.close();
        slots.clear();
    }
}
