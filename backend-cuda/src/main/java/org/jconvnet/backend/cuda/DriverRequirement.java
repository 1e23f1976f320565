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

    /** JCuda 12.0.0's natives are built against CUDA 12.0; older drivers are not supported even with a PTX rewrite. */
    public static final int MIN_JCUDA_DRIVER_VERSION = 12000;

    /**
     * Why this driver cannot run the shipped code, or {@code null} when it can.
     *
     * @param driverVersion what {@code cuDriverGetVersion} reported
     */
    public static String driverProblem(int driverVersion) {
        return driverProblem(driverVersion, null);
    }

    /**
     * Why this driver cannot run the shipped code, or {@code null} when it can.
     *
     * @param driverVersion what {@code cuDriverGetVersion} reported
     * @param ptxIsa        the {@code cuda.ptxIsa} rewrite in effect (e.g. {@code 8.0}), or {@code null}
     */
    public static String driverProblem(int driverVersion, String ptxIsa) {
        if (ptxIsa == null) {
            if (driverVersion >= MIN_DRIVER_VERSION) {
                return null;
            }
            return "NVIDIA driver supports CUDA " + formatVersion(driverVersion) + " but the shipped PTX (ISA 9.0, built by"
                    + " nvcc 13) needs CUDA " + formatVersion(MIN_DRIVER_VERSION) + " (driver >= 580); upgrade the driver, or"
                    + " try -Djconvnet.cuda.ptxIsa=" + isaFor(driverVersion) + " (PTX .version rewrite, see backend-cuda/README.md)";
        }
        int needed = Math.max(MIN_JCUDA_DRIVER_VERSION, cudaVersionOfIsa(ptxIsa));
        if (driverVersion >= needed) {
            return null;
        }
        return "NVIDIA driver supports CUDA " + formatVersion(driverVersion) + " but cuda.ptxIsa=" + ptxIsa + " needs CUDA "
                + formatVersion(needed) + (needed == MIN_JCUDA_DRIVER_VERSION ? " (JCuda 12.0.0)" : "") + "; upgrade the driver";
    }

    /**
     * The CUDA version (as {@code 1000*major + 10*minor}) that introduced PTX ISA {@code isa}:
     * 7.0..7.8 came with CUDA 11.0..11.8, 8.0..8.5 with 12.0..12.5, 8.6/8.7/8.8 with 12.7/12.8/12.9,
     * 9.0 with 13.0.
     *
     * @throws org.jconvnet.api.JConvNetException for a version outside that table
     */
    public static int cudaVersionOfIsa(String isa) {
        String t = isa == null ? "" : isa.trim();
        if (t.matches("7\\.[0-8]")) {
            return 11000 + 10 * (t.charAt(2) - '0');
        }
        if (t.matches("8\\.[0-5]")) {
            return 12000 + 10 * (t.charAt(2) - '0');
        }
        switch (t) {
            case "8.6":
                return 12070;
            case "8.7":
                return 12080;
            case "8.8":
                return 12090;
            case "9.0":
                return 13000;
            default:
                throw new org.jconvnet.api.JConvNetException("cuda.ptxIsa='" + isa
                        + "' is not a PTX ISA version this backend knows (7.0-7.8, 8.0-8.8, 9.0)");
        }
    }

    /** The newest PTX ISA a driver of this CUDA version accepts (the inverse of {@link #cudaVersionOfIsa}). */
    static String isaFor(int driverVersion) {
        String[] candidates = {"9.0", "8.8", "8.7", "8.6", "8.5", "8.4", "8.3", "8.2", "8.1", "8.0"};
        for (String c : candidates) {
            if (cudaVersionOfIsa(c) <= driverVersion) {
                return c;
            }
        }
        return "8.0";
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
