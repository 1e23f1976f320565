package org.jconvnet.backend.cpu.numeric;

import org.jconvnet.api.tensor.DType;

/**
 * The arithmetic precision of a kernel run. Kernels written once compute in {@code double} and pass
 * every intermediate result through {@link #round}; for float32 that rounds to the nearest float,
 * which for a single {@code +}, {@code -}, {@code *}, {@code /} or square root gives exactly what
 * float arithmetic gives (double has more than twice float's precision). So the float32 mode
 * accumulates in float, like a float32 implementation, without a second copy of each kernel.
 */
public enum Precision {
    /** Single precision: results are rounded to float after every operation. */
    FLOAT32 {
        @Override
        public double round(double v) {
            return (float) v;
        }
    },
    /** Double precision: rounding is the identity. */
    FLOAT64 {
        @Override
        public double round(double v) {
            return v;
        }
    };

    /** Rounds {@code v} to this precision. */
    public abstract double round(double v);

    /** The precision of tensors of {@code dtype}. */
    public static Precision of(DType dtype) {
        return dtype == DType.FLOAT32 ? FLOAT32 : FLOAT64;
    }
}
