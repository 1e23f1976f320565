package org.jconvnet.examples.cmpool.cpu;

import org.jconvnet.api.tensor.DType;
import org.jconvnet.backend.cpu.CpuTensor;

/**
 * Element access to a CPU tensor of either dtype, so one loop serves float32 and float64. Writes
 * to a float32 tensor round to float once per element, which is what a float32 device kernel does.
 */
abstract class Values {

    /** The element at flat index {@code i}, widened to double. */
    abstract double get(int i);

    /** Stores {@code v} at flat index {@code i}, rounded to the tensor's dtype. */
    abstract void set(int i, double v);

    /**
     * Rounds an intermediate sum to this tensor's precision, so a float32 reference accumulates
     * exactly as a float32 device kernel does (bit-identical results, not just close ones).
     */
    abstract double round(double v);

    static Values of(CpuTensor t) {
        if (t.dtype() == DType.FLOAT32) {
            float[] f = t.floats();
            return new Values() {
                @Override
                double get(int i) {
                    return f[i];
                }

                @Override
                void set(int i, double v) {
                    f[i] = (float) v;
                }

                @Override
                double round(double v) {
                    return (float) v;
                }
            };
        }
        double[] d = t.doubles();
        return new Values() {
            @Override
            double get(int i) {
                return d[i];
            }

            @Override
            void set(int i, double v) {
                d[i] = v;
            }

            @Override
            double round(double v) {
                return v;
            }
        };
    }
}
