package org.jconvnet.backend.cpu.numeric;

import org.jconvnet.api.tensor.DType;
import org.jconvnet.api.tensor.Tensor;
import org.jconvnet.backend.cpu.CpuTensor;

/**
 * Flat element access to a CPU tensor, as doubles, whatever its dtype. Kernels that are not
 * dominated by multiply-adds (pooling, normalisation, neurons, costs) are written once against
 * this view; writes round to the tensor's dtype.
 */
public abstract class Elements {

    /** The view of {@code tensor}, which must belong to the CPU backend. */
    public static Elements of(Tensor tensor) {
        CpuTensor t = CpuTensor.of(tensor);
        return t.dtype() == DType.FLOAT32 ? new FloatElements(t.floats()) : new DoubleElements(t.doubles());
    }

    /** A zeroed scratch buffer of {@code length} elements holding values of {@code precision}. */
    public static Elements scratch(Precision precision, int length) {
        return precision == Precision.FLOAT32 ? new FloatElements(new float[length])
                : new DoubleElements(new double[length]);
    }

    /** Number of elements. */
    public abstract int length();

    /** Element {@code i}, widened to double. */
    public abstract double get(int i);

    /** Stores {@code v} at {@code i}, rounded to the tensor's dtype. */
    public abstract void set(int i, double v);

    /**
     * Stores a kernel result under the contracts' {@code accumulate} rule: overwrite when false,
     * add to the held value (one rounded addition) when true.
     */
    public final void put(int i, double v, boolean accumulate) {
        set(i, accumulate ? get(i) + v : v);
    }

    /** float32 storage. */
    private static final class FloatElements extends Elements {
        private final float[] a;

        FloatElements(float[] a) {
            this.a = a;
        }

        @Override
        public int length() {
            return a.length;
        }

        @Override
        public double get(int i) {
            return a[i];
        }

        @Override
        public void set(int i, double v) {
            a[i] = (float) v;
        }
    }

    /** float64 storage. */
    private static final class DoubleElements extends Elements {
        private final double[] a;

        DoubleElements(double[] a) {
            this.a = a;
        }

        @Override
        public int length() {
            return a.length;
        }

        @Override
        public double get(int i) {
            return a[i];
        }

        @Override
        public void set(int i, double v) {
            a[i] = v;
        }
    }
}
