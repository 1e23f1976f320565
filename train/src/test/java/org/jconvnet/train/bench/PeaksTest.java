package org.jconvnet.train.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.backend.BackendConfig;
import org.jconvnet.api.backend.ComputePeak;
import org.jconvnet.api.kernel.KernelRegistry;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.api.tensor.Tensor;
import org.jconvnet.backend.cpu.CpuBackendProvider;
import org.junit.jupiter.api.Test;

class PeaksTest {
    private static final Peaks PEAKS = Peaks.ofHost(123.0, "test probe");

    /** A backend that offers {@code peak} (or nothing) and fails on anything else. */
    private static Backend offering(ComputePeak peak) {
        return new Backend() {
            @Override
            public String id() {
                return "fake";
            }

            @Override
            public String deviceName() {
                return "Fake GPU";
            }

            @Override
            public Set<DType> supportedDTypes() {
                return Set.of(DType.FLOAT32);
            }

            @Override
            public Tensor allocate(int rows, int cols, DType dtype) {
                throw new UnsupportedOperationException();
            }

            @Override
            public KernelRegistry kernels() {
                throw new UnsupportedOperationException();
            }

            @Override
            public <T> Optional<T> capability(Class<T> type) {
                return type == ComputePeak.class && peak != null ? Optional.of(type.cast(peak)) : Optional.empty();
            }

            @Override
            public void synchronize() {
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void theCpuReferenceIsComparedWithTheHostsPeak() {
        try (Backend cpu = new CpuBackendProvider().create(BackendConfig.defaults())) {
            assertEquals(new Peaks.Peak(123.0, "test probe"), PEAKS.of(cpu));
        }
    }

    @Test
    void aDeviceReportsItsOwnProbeOrUnknown() {
        ComputePeak measured = new ComputePeak() {
            @Override
            public boolean onHost() {
                return false;
            }

            @Override
            public OptionalDouble measureDeviceSgemmGflops() {
                return OptionalDouble.of(5000);
            }
        };
        assertEquals(5000, PEAKS.of(offering(measured)).gflops());
        Peaks.Peak unknown = PEAKS.of(offering(ComputePeak.unknownDevice()));
        assertTrue(Double.isNaN(unknown.gflops()) && unknown.source().startsWith("unknown"), unknown.toString());
        Peaks.Peak none = PEAKS.of(offering(null));
        assertTrue(Double.isNaN(none.gflops()) && none.source().contains("offers no peak"), none.toString());
    }

    @Test
    void withoutAProbeOnTheClassPathTheHostPeakIsUnknown() {
        // The train module's own class path has no HostSgemmProbe (the host-peak module provides one).
        Peaks.Peak host = Peaks.measure(getClass().getClassLoader()).host();
        assertTrue(Double.isNaN(host.gflops()) && host.source().contains("no host sgemm probe"), host.toString());
    }
}
