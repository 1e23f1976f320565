package org.jconvnet.examples.cmpool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Random;
import org.jconvnet.api.backend.Availability;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.backend.BackendConfig;
import org.jconvnet.api.backend.BackendProvider;
import org.jconvnet.api.backend.BackendRegistry;
import org.jconvnet.api.kernel.KernelKey;
import org.jconvnet.api.kernel.Ops;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.api.tensor.Tensor;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The OpenCL and CUDA kernels (loaded through {@code DeviceCode}) give bit-identical float32
 * results to the CPU reference, as the kernel contract promises (same comparisons, same summation
 * order), including {@code accumulate}. A backend that is not available here is skipped with its
 * probe's reason.
 */
class CmPoolDeviceKernelTest {

    @ParameterizedTest
    @ValueSource(strings = {"opencl", "cuda"})
    void deviceKernelsMatchTheCpuReferenceBitForBit(String id) {
        BackendRegistry registry = BackendRegistry.discover(getClass().getClassLoader());
        BackendProvider provider = registry.find(id).orElse(null);
        Assumptions.assumeTrue(provider != null, "backend '" + id + "' is not on the test class path");
        Availability a = provider.probe();
        Assumptions.assumeTrue(a.available(), "backend '" + id + "' unavailable: " + a.detail());

        CmPoolGeometry g = new CmPoolGeometry(10, 3, 4, -1, 3, 4);
        int n = 5;
        Random r = new Random(17);
        float[] in = new float[g.channels() * g.imgPixels() * n];
        for (int i = 0; i < in.length; i++) {
            in[i] = (float) r.nextGaussian();
        }
        in[7] = in[g.imgPixels() * n + 7]; // a tie between channels 0 and 1 at one pixel and case
        float[] og = new float[g.outputs() * g.imgPixels() * n];
        for (int i = 0; i < og.length; i++) {
            og[i] = (float) r.nextGaussian();
        }
        float[] start = new float[in.length];
        for (int i = 0; i < start.length; i++) {
            start[i] = (float) r.nextGaussian();
        }

        try (Backend cpu = registry.find("cpu").orElseThrow().create(BackendConfig.defaults());
             Backend device = provider.create(BackendConfig.defaults())) {
            for (boolean accumulate : new boolean[] {false, true}) {
                float[][] want = run(cpu, g, n, in, og, start, accumulate);
                float[][] got = run(device, g, n, in, og, start, accumulate);
                assertArrayEquals(want[0], got[0], id + " forward");
                assertArrayEquals(want[1], got[1], id + " backward-input, accumulate=" + accumulate);
            }
        }
    }

    private static float[][] run(Backend b, CmPoolGeometry g, int n, float[] in, float[] og, float[] start,
                                 boolean accumulate) {
        Tensor input = b.allocate(g.channels() * g.imgPixels(), n, DType.FLOAT32);
        Tensor output = b.allocate(g.outputs() * g.imgPixels(), n, DType.FLOAT32);
        Tensor outputGrad = b.allocate(g.outputs() * g.imgPixels(), n, DType.FLOAT32);
        Tensor inputGrad = b.allocate(g.channels() * g.imgPixels(), n, DType.FLOAT32);
        input.upload(in);
        outputGrad.upload(og);
        inputGrad.upload(start);
        CmPoolContract.Forward fwd = new CmPoolContract.Forward(g, n, input, output);
        b.kernels().get(KernelKey.of(CmPoolContract.TYPE, Ops.FORWARD, DType.FLOAT32)).launch(fwd);
        b.kernels().get(KernelKey.of(CmPoolContract.TYPE, Ops.BACKWARD_INPUT, DType.FLOAT32))
                .launch(new CmPoolContract.BackwardInput(g, n, accumulate, input, output, outputGrad, inputGrad));
        b.synchronize();
        return new float[][] {output.downloadFloats(), inputGrad.downloadFloats()};
    }
}
