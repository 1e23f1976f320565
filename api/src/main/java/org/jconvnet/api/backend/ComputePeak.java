package org.jconvnet.api.backend;

import java.util.OptionalDouble;

/**
 * Optional backend capability ({@link Backend#capability}): what a benchmark should compare the
 * backend's achieved FLOP rate with. A backend that computes on the host's CPU says so, and the
 * benchmark measures the host's float32 matrix-multiply (sgemm) rate itself; a backend with a
 * device of its own may measure that device's sgemm rate. A backend without this capability gets
 * "unknown" as its peak.
 */
public interface ComputePeak {

    /** {@return whether the backend computes on the host's CPU cores (then the host's sgemm rate is its peak)} */
    boolean onHost();

    /**
     * Measures the device's float32 sgemm rate now, in GFLOP/s (a short probe, well under a
     * second). Empty when the device is the host (see {@link #onHost()}) or when this backend has
     * no such probe.
     *
     * @return the measured rate in GFLOP/s, or empty (see above)
     */
    default OptionalDouble measureDeviceSgemmGflops() {
        return OptionalDouble.empty();
    }

    /** {@return the capability of a backend that computes on the host's CPU} */
    static ComputePeak host() {
        return () -> true;
    }

    /** {@return the capability of a backend on a device with no sgemm probe: its peak is unknown} */
    static ComputePeak unknownDevice() {
        return () -> false;
    }
}
