package org.jconvnet.api.kernel;

/**
 * Optional capability of a GPU backend: turn device code shipped by a plugin into launchable
 * entry points, so an out-of-tree layer plugin can bring its own OpenCL or CUDA kernels without
 * importing the backend's classes. Obtain it with
 * {@code backend.capability(DeviceCode.class)}.
 *
 * <p>What {@code code} is depends on the backend: OpenCL takes kernel source in the portable
 * dialect (the backend prepends its prelude and compiles it, caching by content); CUDA takes PTX
 * or fatbin bytes (CUDA cannot compile source at run time here, see backend-cuda's README).
 */
public interface DeviceCode {

    /** What {@link #load} expects: {@code "opencl-source"} or {@code "cuda-ptx"}. */
    String codeKind();

    /**
     * Loads (compiling if needed) a program and returns one of its entry points.
     *
     * @param programName name for caches and error messages
     * @param code        source text or binary, as {@link #codeKind()} says
     * @param entryPoint  kernel function name
     */
    DeviceFunction load(String programName, byte[] code, String entryPoint);

    /** One launchable kernel function. */
    interface DeviceFunction {

        /**
         * Launches over {@code globalSize} work-items (one dimension) with the given arguments,
         * in order: {@link org.jconvnet.api.tensor.Tensor}s of this backend, {@link Integer}s
         * (passed as 32-bit int) and {@link Float}s or {@link Double}s (passed as 32-bit float).
         */
        void launch(int globalSize, Object... args);
    }
}
