package org.jconvnet.backend.blas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jconvnet.api.backend.Availability;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.backend.BackendConfig;
import org.jconvnet.api.kernel.contract.Fc;
import org.jconvnet.api.kernel.contract.KernelOps;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.api.tensor.Tensor;
import org.jconvnet.backend.cpu.CpuBackendProvider;
import org.junit.jupiter.api.Test;

/** The provider, the float32-only allocator and the kernels' checks of their tensors. */
class BlasBackendTest {

    private static Backend start() {
        Availability a = new BlasBackendProvider().probe();
        assumeTrue(a.available(), a.detail());
        return new BlasBackendProvider().create(BackendConfig.defaults());
    }

    @Test
    void probeLoadsOpenBlasOnLinuxX86AndOtherwiseSaysWhyNot() {
        Availability a = new BlasBackendProvider().probe();
        boolean bundled = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).startsWith("linux")
                && List.of("amd64", "x86_64").contains(System.getProperty("os.arch"));
        if (bundled) {
            // The natives of this platform are on the class path: unavailable here would be a regression.
            assertTrue(a.available(), a.detail());
            assertTrue(a.detail().contains("OpenBLAS") && a.detail().contains("float32 only"), a.detail());
        } else {
            assertTrue(!a.available() && a.detail().contains("linux-x86_64"), a.detail());
        }
        assertEquals(a, new BlasBackendProvider().probe(), "the probe's outcome is cached");
    }

    @Test
    void itsPeakIsTheHostsSgemmRate() {
        try (Backend b = start()) {
            assertTrue(b.capability(org.jconvnet.api.backend.ComputePeak.class).orElseThrow().onHost(),
                    "bench compares cpu-blas with the host's sgemm peak");
        }
    }

    @Test
    void theDescriptionWarnsWhenOpenMpThreadsWouldSpinAgainstTheWorkers() {
        assertEquals("", BlasBackendProvider.spinWarning("PASSIVE"));
        assertEquals("", BlasBackendProvider.spinWarning(" passive "));
        for (String policy : new String[] {null, "", "ACTIVE"}) {
            assertTrue(BlasBackendProvider.spinWarning(policy).contains("OMP_WAIT_POLICY is not PASSIVE"),
                    () -> "policy " + policy);
        }
    }

    @Test
    void theConvSettingTakesAutoOnednnOrBlasAndNamesABadValue() {
        assumeTrue(new BlasBackendProvider().probe().available(), () -> new BlasBackendProvider().probe().detail());
        try (Backend b = new BlasBackendProvider().create(new BackendConfig(Map.of(BlasBackendProvider.CONV_KEY, "blas")))) {
            assertTrue(b.deviceName().startsWith("conv by sgemm"), b.deviceName());
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BlasBackendProvider()
                .create(new BackendConfig(Map.of(BlasBackendProvider.CONV_KEY, "fast"))));
        assertTrue(e.getMessage().contains("cpu-blas.conv") && e.getMessage().contains("'fast'"), e.getMessage());
    }

    @Test
    void prioritySitsBetweenTheReferenceAndTheDevices() {
        int p = new BlasBackendProvider().priority();
        assertTrue(p > new CpuBackendProvider().priority() && p < 200, "priority " + p);
    }

    @Test
    void allocatesFloat32OnlyAndCoversEveryOpOfTheTable() {
        try (Backend b = start()) {
            assertEquals(Set.of(DType.FLOAT32), b.supportedDTypes());
            Tensor t = b.allocate(2, 3, DType.FLOAT32);
            t.upload(new float[] {1, 2, 3, 4, 5, 6});
            assertEquals(6.0, t.download()[5]);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> b.allocate(2, 3, DType.FLOAT64));
            assertTrue(e.getMessage().contains("float32 only"), e.getMessage());
            assertEquals(List.of(), KernelOps.missing(b.kernels().keys(), DType.FLOAT32), "ops without a cpu-blas kernel");
            assertEquals(KernelOps.all().size(), b.kernels().keys().size(), "no keys beyond the table");
        }
    }

    @Test
    void kernelsRejectForeignAndMisshapenTensorsNamingThem() {
        try (Backend b = start(); Backend cpu = new CpuBackendProvider().create(BackendConfig.defaults())) {
            Fc.Shape shape = new Fc.Shape(4, 3);
            Tensor in = b.allocate(4, 2, DType.FLOAT32);
            Tensor w = b.allocate(4, 3, DType.FLOAT32);
            Tensor out = b.allocate(3, 2, DType.FLOAT32);
            var kernel = b.kernels().get(KernelOps.FC_FORWARD.key(DType.FLOAT32));
            kernel.launch(new Fc.Forward(shape, 2, false, in, w, out));
            IllegalArgumentException foreign = assertThrows(IllegalArgumentException.class,
                    () -> kernel.launch(new Fc.Forward(shape, 2, false, cpu.allocate(4, 2, DType.FLOAT32), w, out)));
            assertTrue(foreign.getMessage().contains("'input'") && foreign.getMessage().contains("backend 'cpu'"),
                    foreign.getMessage());
            IllegalArgumentException misshapen = assertThrows(IllegalArgumentException.class,
                    () -> kernel.launch(new Fc.Forward(shape, 2, false, in, w, b.allocate(3, 3, DType.FLOAT32))));
            assertTrue(misshapen.getMessage().contains("'output'") && misshapen.getMessage().contains("3 x 2"),
                    misshapen.getMessage());
        }
    }

    @Test
    void threadSettingMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new BlasBackendProvider()
                .create(new BackendConfig(Map.of(BlasBackendProvider.THREADS_KEY, "0"))));
        assertTrue(e.getMessage().contains(BlasBackendProvider.THREADS_KEY), e.getMessage());
    }
}
