package org.jconvnet.hostpeak;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.blas_get_num_threads;
import static org.bytedeco.openblas.global.openblas_nolapack.blas_set_num_threads;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm;

import java.util.Locale;
import org.bytedeco.javacpp.FloatPointer;
import org.jconvnet.train.bench.HostSgemmProbe;

/**
 * The host's sgemm peak: square float32 products of side {@value #SIDE} through OpenBLAS on all
 * its threads, one untimed call to load the library and warm the caches, then the best rate of
 * {@value #CALLS} timed calls. The best, not the median, because a peak is what the machine can
 * reach; a loaded machine lowers it, and the bench then measures its backends under the same load.
 */
public final class OpenBlasSgemmProbe implements HostSgemmProbe {
    /** The side of the square matrices: large enough for OpenBLAS to reach its blocked-kernel rate. */
    static final int SIDE = 1024;
    /** Timed calls; each is 2.1 GFLOP, so a few seconds at most even on a slow host. */
    static final int CALLS = 5;

    private final int side;
    private final int calls;

    /** The probe {@code jconvnet bench} uses (found through {@link java.util.ServiceLoader}). */
    public OpenBlasSgemmProbe() {
        this(SIDE, CALLS);
    }

    /** A probe of another size, for tests. */
    OpenBlasSgemmProbe(int side, int calls) {
        this.side = side;
        this.calls = calls;
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "OpenBLAS (org.bytedeco:openblas) sgemm %dx%dx%d, best of %d, one thread per core",
                side, side, side, calls);
    }

    /**
     * The rate on one OpenBLAS thread per core. OpenBLAS's thread count is global to the process and
     * the {@code cpu-blas} backend sets it to one (it splits its products over its own workers), so
     * the probe sets it for its calls and puts the previous value back.
     */
    @Override
    public double measureGflops() {
        int before = blas_get_num_threads();
        blas_set_num_threads(Runtime.getRuntime().availableProcessors());
        try {
            return measureOnAllThreads();
        } finally {
            if (before >= 1) { // -1: never set in this process, so the library's default (one per core) stays
                blas_set_num_threads(before);
            }
        }
    }

    private double measureOnAllThreads() {
        long n = (long) side * side;
        try (FloatPointer a = new FloatPointer(n); FloatPointer b = new FloatPointer(n); FloatPointer c = new FloatPointer(n)) {
            for (long i = 0; i < n; i++) {
                // Small, non-zero values: no denormals, no overflow, nothing a BLAS could skip.
                a.put(i, (float) ((i % 7) - 3) / 8f);
                b.put(i, (float) ((i % 5) - 2) / 4f);
            }
            sgemm(a, b, c);
            double best = 0;
            for (int k = 0; k < calls; k++) {
                long t0 = System.nanoTime();
                sgemm(a, b, c);
                double secs = (System.nanoTime() - t0) / 1e9;
                best = Math.max(best, 2.0 * side * side * side / secs / 1e9);
            }
            return best;
        }
    }

    private void sgemm(FloatPointer a, FloatPointer b, FloatPointer c) {
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, side, side, side, 1f, a, side, b, side, 0f, c, side);
    }
}
