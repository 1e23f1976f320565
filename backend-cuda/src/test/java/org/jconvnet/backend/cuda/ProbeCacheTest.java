package org.jconvnet.backend.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.api.backend.Availability;
import org.jconvnet.api.backend.BackendConfig;
import org.junit.jupiter.api.Test;

/** The probe runs once, never throws, and a native-load failure sticks for every device. */
class ProbeCacheTest {

    @Test
    void linkageFailureIsCachedForEveryOrdinalAndProbedOnce() {
        AtomicInteger calls = new AtomicInteger();
        ProbeCache cache = new ProbeCache(ordinal -> {
            calls.incrementAndGet();
            throw new UnsatisfiedLinkError("libcuda.so.1: cannot open shared object file");
        });
        Availability a = cache.get(0);
        assertFalse(a.available());
        assertEquals(ProbeFailure.NO_LIBCUDA, a.detail());
        assertEquals(a, cache.get(0));
        assertEquals(a, cache.get(3));
        assertEquals(1, calls.get());
    }

    @Test
    void successIsCachedPerOrdinal() {
        AtomicInteger calls = new AtomicInteger();
        ProbeCache cache = new ProbeCache(ordinal -> {
            calls.incrementAndGet();
            return Availability.available("gpu " + ordinal);
        });
        assertEquals("gpu 0", cache.get(0).detail());
        assertEquals("gpu 0", cache.get(0).detail());
        assertEquals("gpu 1", cache.get(1).detail());
        assertEquals(2, calls.get());
    }

    @Test
    void providerProbeNeverThrowsAndCreateRefusesWithTheReason() {
        CudaBackendProvider p = new CudaBackendProvider(new ProbeCache(o -> {
            throw new RuntimeException("CUDA_ERROR_NO_DEVICE");
        }));
        Availability a = p.probe();
        assertFalse(a.available());
        assertTrue(a.detail().contains("CUDA_ERROR_NO_DEVICE"), a.detail());
        JConvNetException e = org.junit.jupiter.api.Assertions.assertThrows(JConvNetException.class,
                () -> p.create(BackendConfig.defaults()));
        assertTrue(e.getMessage().startsWith("backend 'cuda' is unavailable: "), e.getMessage());
    }

    @Test
    void malformedDeviceSettingIsNamed() {
        JConvNetException e = org.junit.jupiter.api.Assertions.assertThrows(JConvNetException.class,
                () -> CudaBackendProvider.deviceOrdinal(new BackendConfig(java.util.Map.of("cuda.device", "gpu1"))));
        assertEquals("setting cuda.device='gpu1' is not a device ordinal (0, 1, ...)", e.getMessage());
        assertEquals(2, CudaBackendProvider.deviceOrdinal(new BackendConfig(java.util.Map.of("cuda.device", "2"))));
    }
}
