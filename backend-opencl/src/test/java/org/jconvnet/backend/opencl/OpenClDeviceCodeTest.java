package org.jconvnet.backend.opencl;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.api.kernel.DeviceCode;
import org.jconvnet.api.kernel.DeviceLaunch;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.api.tensor.Tensor;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Plugin device code: portable source compiled with the prelude and launched through the backend's
 * one launcher, with what built-in launches get: exact work-groups, local memory sized by the
 * launch, named scratch buffers.
 */
class OpenClDeviceCodeTest {
    private static final String SOURCE = String.join("\n",
            "KERNEL void axpb(GLOBAL const float *x, GLOBAL float *y, int n, float a, float b) {",
            "    int i = GLOBAL_ID_X;",
            "    if (i < n) { y[i] = a * x[i] + b; }",
            "}");
    /**
     * Per-work-group sums by a tree reduction in launch-sized local memory (needs the exact group
     * size: the tree halves LOCAL_SIZE_X), then a second launch that reads them back from a scratch
     * buffer and scales them; each group also writes the size it ran with.
     */
    private static final String GROUP_SUMS = String.join("\n",
            "KERNEL void group_sums(GLOBAL const float *RESTRICT x, GLOBAL float *RESTRICT sums,",
            "                       GLOBAL float *RESTRICT sizes, LOCAL_FLOATS(tile), int n) {",
            "    BIND_LOCAL_FLOATS(tile);",
            "    int i = GLOBAL_ID_X;",
            "    tile[LOCAL_ID_X] = i < n ? x[i] : 0.0f;",
            "    BARRIER();",
            "    for (int step = LOCAL_SIZE_X / 2; step > 0; step /= 2) {",
            "        if (LOCAL_ID_X < step) { tile[LOCAL_ID_X] += tile[LOCAL_ID_X + step]; }",
            "        BARRIER();",
            "    }",
            "    if (LOCAL_ID_X == 0) { sums[GROUP_ID_X] = tile[0]; sizes[GROUP_ID_X] = (float) LOCAL_SIZE_X; }",
            "}",
            "KERNEL void scale(GLOBAL const float *RESTRICT in, GLOBAL float *RESTRICT out, int n, float a) {",
            "    int i = GLOBAL_ID_X;",
            "    if (i < n) { out[i] = a * in[i]; }",
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
    void aPluginKernelGetsItsWorkGroupSizeLocalMemoryAndScratch() {
        DeviceCode code = deviceCode();
        byte[] source = GROUP_SUMS.getBytes(StandardCharsets.UTF_8);
        DeviceCode.DeviceFunction sums = code.load("group_sums.kc", source, "group_sums");
        DeviceCode.DeviceFunction scale = code.load("group_sums.kc", source, "scale");
        OpenClBackend b = OpenClTestSupport.backend();
        int n = 100;
        int group = 32;
        int groups = (n + group - 1) / group; // 4: the last group is partly past the end
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
        }
        try (Tensor in = b.allocate(1, n, DType.FLOAT32); Tensor sizes = b.allocate(1, groups, DType.FLOAT32);
             Tensor out = b.allocate(1, groups, DType.FLOAT32)) {
            in.upload(x);
            sums.launch(DeviceLaunch.builder().tensor("x", in).scratch("sums", "group_sums.sums", groups)
                    .tensor("sizes", sizes).local("tile", group).integer("n", n).itemsInGroupsOf(n, group));
            scale.launch(DeviceLaunch.builder().scratch("in", "group_sums.sums", groups).tensor("out", out)
                    .integer("n", groups).real("a", 0.5).items(groups));
            b.synchronize();
            float[] want = new float[groups];
            for (int i = 0; i < n; i++) {
                want[i / group] += 0.5f * x[i];
            }
            assertArrayEquals(want, out.downloadFloats(), "per-group sums of 1..100 in groups of 32, halved");
            assertArrayEquals(new float[] {32, 32, 32, 32}, sizes.downloadFloats(), "every group ran with 32 work-items");
        }
    }

    @Test
    void aWorkGroupLargerThanTheDeviceAllowsIsRefusedWithTheLimit() {
        DeviceCode.DeviceFunction f = deviceCode().load("axpb.kc", SOURCE.getBytes(StandardCharsets.UTF_8), "axpb");
        OpenClBackend b = OpenClTestSupport.backend();
        long max = b.runtime().device().maxWorkGroupSize();
        Assumptions.assumeTrue(max < Integer.MAX_VALUE / 2, "device allows any work-group size");
        int tooLarge = (int) max * 2;
        try (Tensor x = b.allocate(1, 1, DType.FLOAT32)) {
            JConvNetException e = assertThrows(JConvNetException.class, () -> f.launch(DeviceLaunch.builder()
                    .tensor("x", x).tensor("y", x).integer("n", 1).real("a", 1).real("b", 0).groups(1, tooLarge)));
            assertTrue(e.getMessage().startsWith("OpenCL kernel axpb.kc:axpb needs work-groups of " + tooLarge
                    + " work-items; "), e.getMessage());
            assertTrue(e.getMessage().endsWith("allows at most " + max), e.getMessage());
        }
    }

    @Test
    void aBuildErrorNamesTheProgramAndCarriesTheLog() {
        byte[] broken = "KERNEL void bad(GLOBAL float *y) { y[0] = undefined_name; }".getBytes(StandardCharsets.UTF_8);
        JConvNetException e = assertThrows(JConvNetException.class, () -> deviceCode().load("broken.kc", broken, "bad"));
        assertTrue(e.getMessage().startsWith("OpenCL program broken.kc failed to build"), e.getMessage());
        assertTrue(e.getMessage().contains("undefined_name"), e.getMessage());
    }

    /**
     * A plugin's kernel that fails to build is that plugin's error only: the message names the
     * program and the entry point and carries the compiler's log, and the same backend goes on
     * building and running good kernels afterwards (no poisoned context, cache or queue).
     */
    @Test
    void aFailedBuildNamesTheEntryPointAndLeavesTheBackendUsable() {
        byte[] broken = String.join("\n",
                "KERNEL void half_done(GLOBAL float *y, int n) {",
                "    if (GLOBAL_ID_X < n) { y[GLOBAL_ID_X] = 1.0f }",
                "}").getBytes(StandardCharsets.UTF_8);
        DeviceCode code = deviceCode();
        JConvNetException e = assertThrows(JConvNetException.class, () -> code.load("half_done.kc", broken, "half_done"));
        assertTrue(e.getMessage().startsWith("OpenCL program half_done.kc failed to build (wanted for kernel 'half_done')"),
                e.getMessage());
        assertTrue(e.getMessage().contains("half_done.kc:2"), "the build log points at the plugin's own line: "
                + e.getMessage());
        // The same broken source again fails the same way (no half-built program was cached) ...
        JConvNetException again = assertThrows(JConvNetException.class,
                () -> code.load("half_done.kc", broken, "half_done"));
        assertTrue(again.getMessage().startsWith("OpenCL program half_done.kc failed to build"), again.getMessage());
        // ... and a good kernel still builds and runs on the same backend.
        compilesPortableSourceAndLaunchesWithPositionalArguments();
    }

    @Test
    void anUnsupportedArgumentTypeNamesItsPosition() {
        DeviceCode.DeviceFunction f = deviceCode().load("axpb.kc", SOURCE.getBytes(StandardCharsets.UTF_8), "axpb");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.launch(1, "x"));
        assertEquals("argument 0 has unsupported type java.lang.String; expected a Tensor, Integer, Float or Double",
                e.getMessage());
    }
}
