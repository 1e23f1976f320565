package org.jconvnet.backend.cuda;

/**
 * What the shipped device code needs from the NVIDIA driver and the GPU.
 *
 * <p>The PTX is produced by nvcc 13, which always writes PTX ISA 9.0; only a driver that
 * supports CUDA 13.0 (driver 580 or newer) JIT-compiles it, and nvcc 13 cannot target anything
 * older than compute capability 7.5. Drivers report their CUDA version as
 * {@code 1000*major + 10*minor} (13000 for 13.0).
 */
public final class DriverRequirement {
    /** Oldest driver CUDA version that accepts PTX ISA 9.0. */
    public static final int MIN_DRIVER_VERSION = 13000;
    /** Oldest compute capability (major*10 + minor) the PTX targets ({@code compute_75}). */
    public static final int MIN_COMPUTE_CAPABILITY = 75;

    private DriverRequirement() {
    }

    /** Formats a driver version number as {@code major.minor}, e.g. 12080 as {@code 12.8}. */
    public static String formatVersion(int driverVersion) {
        return (driverVersion / 1000) + "." + (driverVersion % 1000) / 10;
    }

    /**
     * Why this driver cannot run the shipped code, or {@code null} when it can.
     *
     * @param driverVersion what {@code cuDriverGetVersion} reported
     */
    public static String driverProblem(int driverVersion) {
        if (driverVersion >= MIN_DRIVER_VERSION) {
            return null;
        }
        return "NVIDIA driver supports CUDA " + formatVersion(driverVersion) + " but the shipped PTX (ISA 9.0, built by nvcc 13)"
                + " needs CUDA " + formatVersion(MIN_DRIVER_VERSION) + " (driver >= 580); upgrade the driver,"
                + " or rebuild the kernels with an older nvcc (see backend-cuda/README.md)";
    }

    /**
     * Why this GPU cannot run the shipped code, or {@code null} when it can.
     *
     * @param major compute capability major
     * @param minor compute capability minor
     */
    public static String deviceProblem(int major, int minor) {
        if (major * 10 + minor >= MIN_COMPUTE_CAPABILITY) {
            return null;
        }
        return "GPU compute capability " + major + "." + minor + " is below 7.5, the oldest the shipped PTX"
                + " (compute_75, nvcc 13) runs on";
    }
}
