package org.jconvnet.backend.blas.core;

import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * Row-major single-precision matrix product {@code C = alpha op(A) op(B) + beta C} by OpenBLAS, on
 * {@link NativeFloats} operands at element offsets. OpenBLAS runs single-threaded
 * ({@link OpenBlas#load}); the kernels split their products over {@link Workers} themselves, so one
 * pool keeps the cores busy and nothing spins against it.
 */
public final class Sgemm {
    private Sgemm() {
    }

    /** One operand: a buffer, the offset of its first element and its leading dimension (row stride). */
    public record Operand(NativeFloats buffer, long offset, int ld) {
    }

    /**
     * {@code C (m x n) = alpha op(A) (m x k) * op(B) (k x n) + beta C}; {@code transA} means A is
     * stored {@code k x m}, {@code transB} that B is stored {@code n x k}.
     */
    public static void multiply(boolean transA, boolean transB, int m, int n, int k, float alpha, Operand a, Operand b,
                                float beta, Operand c) {
        if (m == 0 || n == 0) {
            return;
        }
        openblas_nolapack.cblas_sgemm(openblas_nolapack.CblasRowMajor,
                transA ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                transB ? openblas_nolapack.CblasTrans : openblas_nolapack.CblasNoTrans,
                m, n, k, alpha, a.buffer().at(a.offset()), a.ld(), b.buffer().at(b.offset()), b.ld(), beta,
                c.buffer().at(c.offset()), c.ld());
    }
}
