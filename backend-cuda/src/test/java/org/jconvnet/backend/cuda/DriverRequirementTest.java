package org.jconvnet.backend.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jconvnet.api.tensor.DType;
import org.junit.jupiter.api.Test;

/** Driver/GPU requirements and the allocation-failure text. */
class DriverRequirementTest {

    @Test
    void cuda13DriverIsAcceptedAndCuda12IsRefusedWithTheReason() {
        assertNull(DriverRequirement.driverProblem(13000));
        assertNull(DriverRequirement.driverProblem(13010));
        String p = DriverRequirement.driverProblem(12080);
        assertTrue(p.startsWith("NVIDIA driver supports CUDA 12.8 but the shipped PTX (ISA 9.0"), p);
        assertTrue(p.endsWith("try -Djconvnet.cuda.ptxIsa=8.7 (PTX .version rewrite, see backend-cuda/README.md)"), p);
        assertTrue(p.contains("driver >= 580"), p);
        assertEquals("13.0", DriverRequirement.formatVersion(13000));
        assertEquals("12.4", DriverRequirement.formatVersion(12040));
    }

    @Test
    void ptxIsaRewriteLowersTheDriverRequirementButNotBelowJcuda12() {
        String p = DriverRequirement.driverProblem(12040);
        assertTrue(p.contains("-Djconvnet.cuda.ptxIsa=8.4"), p);
        assertNull(DriverRequirement.driverProblem(12040, "8.4"));
        assertNull(DriverRequirement.driverProblem(12080, "8.7"));
        assertTrue(DriverRequirement.driverProblem(12040, "8.5").contains("needs CUDA 12.5"));
        assertTrue(DriverRequirement.driverProblem(11080, "7.8").contains("needs CUDA 12.0 (JCuda 12.0.0)"));
        assertEquals(11040, DriverRequirement.cudaVersionOfIsa("7.4"));
        assertEquals(12090, DriverRequirement.cudaVersionOfIsa("8.8"));
        assertEquals("9.0", DriverRequirement.isaFor(13000));
        assertEquals("8.6", DriverRequirement.isaFor(12070));
        org.junit.jupiter.api.Assertions.assertThrows(org.jconvnet.api.JConvNetException.class,
                () -> DriverRequirement.cudaVersionOfIsa("6.4"));
    }

    @Test
    void computeCapabilityBelow75IsRefused() {
        assertNull(DriverRequirement.deviceProblem(7, 5));
        assertNull(DriverRequirement.deviceProblem(9, 0));
        assertTrue(DriverRequirement.deviceProblem(7, 0).contains("7.0 is below 7.5"));
    }

    @Test
    void deviceDescriptionNamesCapabilityMemoryAndDriver() {
        CudaDevice d = new CudaDevice(0, 1, "NVIDIA H100 80GB HBM3", 9, 0, 85_045_346_304L, 13000);
        assertEquals("NVIDIA H100 80GB HBM3 (device 0 of 1, compute 9.0, 79.2 GiB, driver CUDA 13.0)", d.describe());
    }

    @Test
    void allocationFailureNamesShapeBytesAndFreeMemory() {
        long bytes = DeviceMemory.bytesFor(3072, 128, DType.FLOAT32);
        assertEquals(3072L * 128 * 4, bytes);
        String m = DeviceMemory.allocationFailure(3072, 128, DType.FLOAT32, bytes, "NVIDIA H100",
                5L << 20, 80L << 30, new RuntimeException("CUDA_ERROR_OUT_OF_MEMORY")).getMessage();
        assertEquals("cuda: cannot allocate a 3072x128 float32 tensor (1572864 bytes) on NVIDIA H100: "
                + "CUDA_ERROR_OUT_OF_MEMORY; device memory free 5.0 MiB of 80.0 GiB", m);
        String unknown = DeviceMemory.allocationFailure(1, 1, DType.FLOAT32, 4, "gpu", -1, -1, null).getMessage();
        assertTrue(unknown.endsWith("allocation failed; free/total device memory unknown"), unknown);
    }
}
