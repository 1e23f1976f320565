package org.jconvnet.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.api.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Device selection rules, tensor transfers and the errors the runtime reports. */
class RuntimeTest {
    private static OpenClDevice device(int index, String name, String platform, boolean gpu) {
        return new OpenClDevice(index, null, null, platform, name, gpu, "OpenCL 3.0", "OpenCL C 1.2", 1L << 30,
                1L << 32, 1024);
    }

    private static final List<OpenClDevice> DEVICES = List.of(device(0, "pthread-haswell", "Portable Computing Language",
            false), device(1, "NVIDIA H100", "NVIDIA CUDA", true), device(2, "NVIDIA A100", "NVIDIA CUDA", true));

    @Test
    void defaultIsTheFirstGpuElseTheFirstDevice() {
        assertSame(DEVICES.get(1), OpenClDevices.choose(DEVICES, Optional.empty()));
        assertSame(DEVICES.get(0), OpenClDevices.choose(List.of(DEVICES.get(0)), Optional.empty()));
    }

    @Test
    void selectorIsAnIndexOrANameSubstring() {
        assertSame(DEVICES.get(2), OpenClDevices.choose(DEVICES, Optional.of("2")));
        assertSame(DEVICES.get(2), OpenClDevices.choose(DEVICES, Optional.of("a100")));
        assertSame(DEVICES.get(0), OpenClDevices.choose(DEVICES, Optional.of("portable")));
    }

    @Test
    void aSelectorMatchingNothingListsTheDevices() {
        JConvNetException e = assertThrows(JConvNetException.class, () -> OpenClDevices.choose(DEVICES, Optional.of("7")));
        assertTrue(e.getMessage().contains("opencl.device='7'") && e.getMessage().contains("1: NVIDIA H100"), e.getMessage());
        e = assertThrows(JConvNetException.class, () -> OpenClDevices.choose(DEVICES, Optional.of("radeon")));
        assertTrue(e.getMessage().contains("matches no OpenCL device"), e.getMessage());
    }

    @Test
    void tensorsRoundTripAndZero() {
        OpenClBackend b = OpenClTestSupport.backend();
        try (Tensor t = b.allocate(3, 4, DType.FLOAT32)) {
            assertArrayEquals(new float[12], t.downloadFloats(), "allocation is zero-filled");
            double[] v = new double[12];
            for (int i = 0; i < v.length; i++) {
                v[i] = i * 0.25 - 1;
            }
            t.upload(v);
            assertArrayEquals(v, t.download());
            t.zero();
            assertArrayEquals(new double[12], t.download());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.upload(new float[5]));
            assertTrue(e.getMessage().contains("3x4"), e.getMessage());
        }
        try (Tensor empty = b.allocate(0, 7, DType.FLOAT32)) {
            assertEquals(0, empty.downloadFloats().length);
        }
    }

    @Test
    void aClosedTensorIsRefusedByName() {
        OpenClBackend b = OpenClTestSupport.backend();
        Tensor t = b.allocate(2, 2, DType.FLOAT32);
        t.close();
        t.close(); // idempotent
        IllegalStateException e = assertThrows(IllegalStateException.class, t::download);
        assertTrue(e.getMessage().contains("2x2 float32") && e.getMessage().contains("closed"), e.getMessage());
    }

    /**
     * Asks for one row more than the device's largest single buffer holds. Whatever the device
     * reports (PoCL gives 1 to 8 GiB or more depending on host memory), that request is refused
     * up front, by the buffer limit or by the 32-bit index limit, and never reaches the driver.
     */
    @Test
    void anOversizedAllocationNamesShapeBytesAndDevice() {
        OpenClBackend b = OpenClTestSupport.backend();
        int cols = 1 << 16;
        long rowsOverLimit = b.runtime().device().maxAllocBytes() / 4 / cols + 1;
        int rows = (int) Math.min(Integer.MAX_VALUE, rowsOverLimit);
        JConvNetException e = assertThrows(JConvNetException.class, () -> b.allocate(rows, cols, DType.FLOAT32));
        assertTrue(e.getMessage().contains(rows + "x" + cols) && e.getMessage().contains("bytes")
                && e.getMessage().contains(b.runtime().device().name().trim()), e.getMessage());
    }

    @Test
    void aBufferOverTheDeviceLimitIsRefusedNamingTheLimit() {
        OpenClDevice oneGiB = device(0, "small-device", "test", false);
        JConvNetException e = assertThrows(JConvNetException.class,
                () -> OpenClTensor.checkedBytes(1 << 14, (1 << 14) + 1, oneGiB));
        assertTrue(e.getMessage().contains("16384x16385") && e.getMessage().contains("1073807360 bytes")
                && e.getMessage().contains("small-device") && e.getMessage().contains("CL_DEVICE_MAX_MEM_ALLOC_SIZE of 1073741824"),
                e.getMessage());
        assertEquals(1L << 30, OpenClTensor.checkedBytes(1 << 14, 1 << 14, oneGiB));
    }

    @Test
    void aTensorOverTwoToThe31ElementsIsRefusedWhateverTheDeviceAllows() {
        OpenClDevice huge = new OpenClDevice(0, null, null, "test", "huge-device", true, "OpenCL 3.0", "OpenCL C 1.2",
                Long.MAX_VALUE, Long.MAX_VALUE, 1024);
        JConvNetException e = assertThrows(JConvNetException.class, () -> OpenClTensor.checkedBytes(1 << 16, 1 << 15, huge));
        assertTrue(e.getMessage().contains("65536x32768") && e.getMessage().contains("8589934592 bytes")
                && e.getMessage().contains("huge-device") && e.getMessage().contains("32-bit"), e.getMessage());
    }

    @Test
    void aTensorOfAnotherBackendIsRefused() {
        Tensor foreign = new org.jconvnet.backend.cpu.CpuTensor(1, 1, DType.FLOAT32);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OpenClTensor.of(foreign));
        assertTrue(e.getMessage().contains("belongs to backend 'cpu'"), e.getMessage());
    }
}
