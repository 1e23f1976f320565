package org.jconvnet.backend.opencl;

import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;

/**
 * One OpenCL device as enumerated on this machine, with the facts needed to choose it and to
 * describe it in messages.
 *
 * @param index        position in the enumeration over all platforms (what {@code opencl.device=N} selects)
 * @param platform     the platform handle
 * @param device       the device handle
 * @param platformName platform name, e.g. {@code Portable Computing Language}
 * @param name         device name
 * @param gpu          whether the device reports type GPU
 * @param version      device OpenCL version string
 * @param cVersion     OpenCL C version string
 * @param maxAllocBytes largest single buffer the device allows
 * @param globalMemBytes device global memory size
 * @param maxWorkGroupSize largest work-group size
 */
public record OpenClDevice(int index, cl_platform_id platform, cl_device_id device, String platformName,
                           String name, boolean gpu, String version, String cVersion, long maxAllocBytes,
                           long globalMemBytes, long maxWorkGroupSize) {

    /** One line for the backend table and logs: name, type, versions and platform. */
    public String describe() {
        return name.trim() + " (" + (gpu ? "GPU" : "non-GPU") + ", " + version.trim() + ", "
                + cVersion.trim() + ", platform " + platformName.trim() + "), float32 only";
    }
}
