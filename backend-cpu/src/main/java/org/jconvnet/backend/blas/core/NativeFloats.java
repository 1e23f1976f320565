package org.jconvnet.backend.blas.core;

import java.nio.FloatBuffer;
import org.bytedeco.javacpp.FloatPointer;

/**
 * A grow-only float buffer in native memory, the operand store of {@link Sgemm}. Kernels keep one
 * per role and worker and reuse it across launches: {@link #ensure} reallocates only when a launch
 * needs more than any before it, so a training loop stops allocating after its first minibatch.
 * Java reaches the contents through bulk copies ({@link #put}, {@link #get}), which compile to
 * memory copies; OpenBLAS reaches them through {@link #at}.
 */
public final class NativeFloats implements AutoCloseable {
    private FloatPointer memory;
    private FloatBuffer view;
    private long capacity;

    /** Makes room for at least {@code floats} values; the contents are undefined afterwards if it grew. */
    public NativeFloats ensure(long floats) {
        if (floats > capacity) {
            if (floats > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("native scratch of " + floats + " floats exceeds 2^31");
            }
            close();
            long grown = Math.max(floats, capacity + capacity / 2);
            memory = new FloatPointer(grown);
            view = memory.asBuffer();
            capacity = grown;
        }
        return this;
    }

    /** The floats this buffer holds now (0 before the first {@link #ensure}). */
    public long capacity() {
        return capacity;
    }

    /** A pointer to element {@code offset}, for one native call (a fresh view, so threads may share the buffer). */
    FloatPointer at(long offset) {
        return new FloatPointer(memory).position(offset);
    }

    /** Copies {@code length} values of {@code src} from {@code from} to element {@code offset}. */
    public void put(long offset, float[] src, int from, int length) {
        view.put((int) offset, src, from, length);
    }

    /** Copies {@code length} values from element {@code offset} into {@code dst} at {@code to}. */
    public void get(long offset, float[] dst, int to, int length) {
        view.get((int) offset, dst, to, length);
    }

    /**
     * Adds {@code length} values from element {@code offset} to {@code dst} at {@code to}, or copies
     * them when {@code add} is false; {@code staging} (at least {@code length} long) holds them on the way.
     */
    public void getInto(long offset, float[] dst, int to, int length, boolean add, float[] staging) {
        if (!add) {
            get(offset, dst, to, length);
            return;
        }
        get(offset, staging, 0, length);
        for (int i = 0; i < length; i++) {
            dst[to + i] += staging[i];
        }
    }

    @Override
    public void close() {
        if (memory != null) {
            memory.close();
            memory = null;
            view = null;
            capacity = 0;
        }
    }
}
