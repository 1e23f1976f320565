package org.jconvnet.kernels.plan;

import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;
import org.jconvnet.api.kernel.DeviceLaunch;
import org.jconvnet.api.tensor.Tensor;

/**
 * A GPU backend's named scratch buffers, the {@link DeviceLaunch.Kind#SCRATCH} arguments of
 * built-in and plugin launches: float32 buffers grown on demand, kept between launches (launches
 * run in order on one queue or stream, so one launch may leave partial results for the next) and
 * released with the backend.
 */
public final class ScratchBuffers implements AutoCloseable {
    /** The most floats a scratch buffer holds: a {@code 1 x n} tensor's column count is an int. */
    public static final long MAX_ELEMENTS = Integer.MAX_VALUE;

    private final IntFunction<Tensor> allocate;
    private final Runnable beforeRelease;
    private final Map<String, Tensor> buffers = new HashMap<>();

    /**
     * @param allocate      allocates a {@code 1 x n} float32 tensor of the backend
     * @param beforeRelease runs before a buffer is released for a larger one (CUDA waits for the
     *                      launches that may still use it; OpenCL defers the release itself)
     */
    public ScratchBuffers(IntFunction<Tensor> allocate, Runnable beforeRelease) {
        this.allocate = allocate;
        this.beforeRelease = beforeRelease;
    }

    /**
     * The buffer {@code name} with at least {@code elements} floats (contents undefined).
     *
     * @throws IllegalArgumentException when more than {@link #MAX_ELEMENTS} floats are asked for
     */
    public synchronized Tensor get(String name, long elements) {
        if (elements > MAX_ELEMENTS) {
            throw new IllegalArgumentException("scratch buffer '" + name + "' of " + elements
                    + " floats exceeds the limit of " + MAX_ELEMENTS + " (2^31 - 1) floats");
        }
        Tensor t = buffers.get(name);
        if (t == null || t.size() < elements) {
            if (t != null) {
                buffers.remove(name);
                beforeRelease.run();
                t.close();
            }
            t = allocate.apply((int) Math.max(1, elements));
            buffers.put(name, t);
        }
        return t;
    }

    /** Releases every buffer. Idempotent. */
    @Override
    public synchronized void close() {
        buffers.values().forEach(Tensor::close);
        buffers.clear();
    }
}
