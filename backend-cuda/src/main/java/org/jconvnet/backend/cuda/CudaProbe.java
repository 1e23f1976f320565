package org.jconvnet.backend.cuda;

import static jcuda.driver.JCudaDriver.cuDeviceGet;
import static jcuda.driver.JCudaDriver.cuDeviceGetAttribute;
import static jcuda.driver.JCudaDriver.cuDeviceGetCount;
import static jcuda.driver.JCudaDriver.cuDeviceGetName;
import static jcuda.driver.JCudaDriver.cuDeviceTotalMem;
import static jcuda.driver.JCudaDriver.cuDriverGetVersion;
import static jcuda.driver.JCudaDriver.cuInit;

import java.nio.charset.StandardCharsets;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdevice_attribute;
import jcuda.driver.JCudaDriver;
import org.jconvnet.api.backend.Availability;
import org.jconvnet.api.backend.BackendConfig;

/**
 * The first code that touches JCuda: loads the driver natives, initialises the driver and reads
 * the device. It lets every throwable escape; {@link CudaBackendProvider} catches and caches.
 */
final class CudaProbe {

    private CudaProbe() {
    }

    /** Initialises the driver API once per process (idempotent in CUDA) with JCuda exceptions on. */
    static void initDriver() {
        JCudaDriver.setExceptionsEnabled(true);
        cuInit(0);
    }

    /**
     * Probes device {@code ordinal}: available with its description, or unavailable with what is
     * missing (no device, driver too old for the PTX, GPU too old).
     */
    static Availability probe(int ordinal) {
        initDriver();
        int[] count = new int[1];
        cuDeviceGetCount(count);
        if (count[0] == 0) {
            return Availability.unavailable("NVIDIA driver found but it reports no CUDA device; check nvidia-smi");
        }
        if (ordinal < 0 || ordinal >= count[0]) {
            return Availability.unavailable("cuda.device=" + ordinal + " but only " + count[0]
                    + " CUDA device(s) are visible (ordinals 0.." + (count[0] - 1) + ")");
        }
        CudaDevice device = query(ordinal, count[0]);
        String ptxIsa = BackendConfig.defaults().get("cuda.ptxIsa").orElse(null);
        String problem = DriverRequirement.driverProblem(device.driverVersion(), ptxIsa);
        if (problem == null) {
            problem = DriverRequirement.deviceProblem(device.ccMajor(), device.ccMinor());
        }
        if (problem != null) {
            return Availability.unavailable(problem + " [" + device.describe() + "]");
        }
        return Availability.available(device.describe());
    }

    /** Reads name, compute capability, memory and driver version of one device. */
    static CudaDevice query(int ordinal, int deviceCount) {
        CUdevice dev = new CUdevice();
        cuDeviceGet(dev, ordinal);
        byte[] nameBytes = new byte[256];
        cuDeviceGetName(nameBytes, nameBytes.length, dev);
        int len = 0;
        while (len < nameBytes.length && nameBytes[len] != 0) {
            len++;
        }
        int[] major = new int[1];
        int[] minor = new int[1];
        cuDeviceGetAttribute(major, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR, dev);
        cuDeviceGetAttribute(minor, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR, dev);
        long[] total = new long[1];
        cuDeviceTotalMem(total, dev);
        int[] version = new int[1];
        cuDriverGetVersion(version);
        return new CudaDevice(ordinal, deviceCount, new String(nameBytes, 0, len, StandardCharsets.UTF_8).trim(),
                major[0], minor[0], total[0], version[0]);
    }
}
