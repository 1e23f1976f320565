package org.jconvnet.train.bench;

/**
 * Measures the host's float32 matrix-multiply rate through a tuned BLAS, the peak that a CPU
 * backend's achieved GFLOP/s is compared with. Implementations are found with
 * {@link java.util.ServiceLoader} (the {@code host-peak} module ships one over OpenBLAS); where none
 * is installed (the GPU bundle leaves the BLAS natives out) the host's peak is reported as unknown.
 */
public interface HostSgemmProbe {

    /** What measured it, e.g. {@code OpenBLAS 0.3.31 sgemm 1024x1024x1024, 4 threads}. */
    String describe();

    /**
     * Runs a short sgemm probe (well under a second) and returns the best rate seen, in GFLOP/s.
     *
     * @throws RuntimeException or {@link LinkageError} when the BLAS cannot be loaded
     */
    double measureGflops();
}
