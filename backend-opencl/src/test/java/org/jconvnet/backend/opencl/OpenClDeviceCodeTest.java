package org.jconvnet.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.api.kernel.DeviceCode;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.api.tensor.Tensor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Plugin device code: portable source compiled with the prelude, launched with positional arguments. */
class OpenClDeviceCodeTest {
    private static final String SOURCE = String.join("\n",
            "KERNEL void axpb(GLOBAL const float *x, GLOBAL float *y, int n, float a, float b) {",
            "    int i = GLOBAL_ID_X;",
            "    if (i < n) { y[i] = a * x[i] + b; }",
            "}");

    @BeforeEach
    void needsOpenCl() {
        OpenClTestSupport.assumeOpenCl();
    }

    private static DeviceCode deviceCode() {
        return OpenClTestSupport.backend().capability(DeviceCode.class).orElseThrow();
    }

    @Test
    void compilesPortableSourceAndLaunchesWithPositionalArguments() {
        DeviceCode code = deviceCode();
        assertEquals("opencl-source", code.codeKind());
        DeviceCode.DeviceFunction f = code.load("axpb.kc", SOURCE.getBytes(StandardCharsets.UTF_8), "axpb");
        OpenClBackend b = OpenClTestSupport.backend();
        try (Tensor x = b.allocate(1, 5, DType.FLOAT32); Tensor y = b.allocate(1, 5, DType.FLOAT32)) {
            x.upload(new float[] {0, 1, 2, 3, 4});
            f.launch(5, x, y, 5, 2.0f, 0.5);   // a Float and a Double both arrive as float
            b.synchronize();
            assertArrayEquals(new float[] {0.5f, 2.5f, 4.5f, 6.5f, 8.5f}, y.downloadFloats());
        }
    }

    @Test
    void aBuildErrorNamesTheProgramAndCarriesTheLog() {
        byte[] broken = "KERNEL void bad(GLOBAL float *y) { y[0] = undefined_name; }".getBytes(StandardCharsets.UTF_8);
        JConvNetException e = assertThrows(JConvNetException.class, () -> deviceCode().load("broken.kc", broken, "bad"));
        assertTrue(e.getMessage().startsWith("OpenCL program broken.kc failed to build"), e.getMessage());
        assertTrue(e.getMessage().contains("undefined_name"), e.getMessage());
    }

    @Test
    void anUnsupportedArgumentTypeNamesItsPosition() {
        DeviceCode.DeviceFunction f = deviceCode().load("axpb.kc", SOURCE.getBytes(StandardCharsets.UTF_8), "axpb");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.launch(1, "x"));
        assertEquals("argument 0 of OpenCL kernel 'axpb.kc:axpb' has unsupported type java.lang.String;"
                + " expected an OpenCL tensor, Integer, Float or Double", e.getMessage());
    }
}
