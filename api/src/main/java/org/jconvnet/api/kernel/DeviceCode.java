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
 * Each launch is described by a {@link DeviceLaunch}, the type the built-in kernels' launch plans
 * use too.
 */
public interface DeviceCode {

    /** {@return what {@link #load} expects: {@code "opencl-source"} or {@code "cuda-ptx"}} */
    String codeKind();

    /**
     * Loads (compiling if needed) a program and returns one of its entry points.
     *
     * @param programName name for caches and error messages
     * @param code        source text or binary, as {@link #codeKind()} says
     * @param entryPoint  kernel function name
     * @return the entry point, ready to launch
     */
    DeviceFunction load(String programName, byte[] code, String entryPoint);

    /**
     * One launchable kernel function. Its launches go through the same backend code as the
     * built-in kernels' launch plans.
     */
    interface DeviceFunction {

        /**
         * Launches the function as {@code launch} describes: its arguments in the kernel's parameter
         * order and its geometry (a fixed work-group size where the kernel uses local memory or
         * counts on one). Launches run in order on the backend's queue or stream and return at once;
         * a kernel's own failure surfaces at the next synchronising call.
         *
         * @param launch the arguments and geometry of the launch
         * @throws IllegalArgumentException when an argument does not suit this backend (a tensor
         *         of another backend)
         * @throws org.jconvnet.api.JConvNetException when the device refuses the launch (a
         *         work-group larger than it allows, too much local memory)
         */
        void launch(DeviceLaunch launch);

        /**
         * Shorthand for a launch of {@code globalSize} work-items in work-groups of the backend's
         * choice, with positional arguments: {@link org.jconvnet.api.tensor.Tensor}s of this backend,
         * {@link Integer}s (passed as 32-bit int) and {@link Float}s or {@link Double}s (passed as
         * 32-bit float). See {@link DeviceLaunch#positional}.
         *
         * @param globalSize the number of work-items
         * @param args the kernel's arguments, in its parameter order
         */
        default void launch(int globalSize, Object... args) {
            launch(DeviceLaunch.positional(globalSize, args));
        }
    }
}
