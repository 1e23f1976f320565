package org.jconvnet.backend.cuda;

import java.util.Locale;

/**
 * What the probe learnt about one GPU and its driver; plain data, no JCuda.
 *
 * @param ordinal       CUDA device ordinal
 * @param deviceCount   number of CUDA devices visible
 * @param name          marketing name, e.g. {@code NVIDIA H100 80GB HBM3}
 * @param ccMajor       compute capability major
 * @param ccMinor       compute capability minor
 * @param totalBytes    device memory
 * @param driverVersion driver CUDA version as {@code 1000*major + 10*minor}
 */
public record CudaDevice(int ordinal, int deviceCount, String name, int ccMajor, int ccMinor,
                         long totalBytes, int driverVersion) {

    /** One line for the backend table and the log. */
    public String describe() {
        return name + " (device " + ordinal + " of " + deviceCount + ", compute " + ccMajor + "." + ccMinor + ", "
                + gib(totalBytes) + ", driver CUDA " + DriverRequirement.formatVersion(driverVersion) + ")";
    }

    /** Formats a byte count as GiB or MiB with one decimal. */
    static String gib(long bytes) {
        if (bytes >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
    }
}
