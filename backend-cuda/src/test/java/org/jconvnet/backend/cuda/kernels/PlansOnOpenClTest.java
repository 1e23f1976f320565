package org.jconvnet.backend.cuda.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.jconvnet.api.backend.Availability;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.backend.BackendConfig;
import org.jconvnet.api.backend.BackendProvider;
import org.jconvnet.api.backend.BackendRegistry;
import org.jconvnet.api.kernel.DeviceCode;
import org.jconvnet.api.kernel.KernelArgs;
import org.jconvnet.api.kernel.KernelKey;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.api.tensor.Tensor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the CUDA launch plans where no GPU is needed: the plans' entry points, argument order and
 * work-item counts are executed on the CPU OpenCL device (PoCL) through the OpenCL backend's
 * {@link DeviceCode} capability, compiling the very {@code .kc} sources the PTX comes from. The
 * result must be bit-identical to the OpenCL backend's own kernel for the key: same source,
 * same device, so any difference is a marshalling or geometry mistake in the CUDA plan. The
 * OpenCL backend is reached through ServiceLoader and the API only (backends never import each other).
 */
@Tag("slow")
class PlansOnOpenClTest {
    private static Backend opencl;
    private static String skipReason;

    @BeforeAll
    static void startOpenCl() {
        BackendRegistry reg = BackendRegistry.discover(PlansOnOpenClTest.class.getClassLoader());
        BackendProvider p = reg.find("opencl").orElse(null);
        if (p == null) {
            skipReason = "the OpenCL backend is not on the test class path";
            return;
        }
        Availability a = p.probe();
        if (!a.available()) {
            skipReason = "OpenCL unavailable here: " + a.detail();
            return;
        }
        // The OpenCL backend runs the weight-gradient kernel the CUDA plans run by default (tiled) and
        // splits conv weight gradients as they do (settings named here as strings: backends never import
        // each other), so the tiled launch, the split's scratch banks and conv_sum_parts are compared too.
        opencl = p.create(new BackendConfig(Map.of("opencl.conv-kernels", "tiled",
                "opencl.split-items", Long.toString(KernelPlans.SPLIT_TARGET_ITEMS))));
    }

    @AfterAll
    static void stop() {
        if (opencl != null) {
            opencl.close();
        }
    }

    @BeforeEach
    void requireOpenCl() {
        Assumptions.assumeTrue(opencl != null, skipReason);
    }

    static List<KernelKey> keys() {
        return new ArrayList<>(KernelPlans.all().keySet());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keys")
    void planOnPoclEqualsTheOpenClKernelBitForBit(KernelKey key) {
        Assumptions.assumeTrue(opencl.kernels().has(key), "the OpenCL backend has no kernel for " + key);
        KernelArgs shape = SampleArgs.of(key);
        Map<String, float[]> init = initialValues(key, shape);
        Map<String, Tensor> mine = upload(init, shape);
        Map<String, Tensor> theirs = upload(init, shape);
        Map<String, Tensor> scratch = new HashMap<>();
        try {
            runPlan(KernelPlans.all().get(key).plan(withTensors(shape, mine)), mine, scratch);
            opencl.kernels().get(key).launch(withTensors(shape, theirs));
            opencl.synchronize();
            int compared = 0;
            for (String name : init.keySet()) {
                assertArrayEquals(theirs.get(name).downloadFloats(), mine.get(name).downloadFloats(),
                        key + ": tensor '" + name + "' differs between the CUDA plan and the OpenCL kernel");
                compared++;
            }
            assertTrue(compared > 0);
        } finally {
            mine.values().forEach(Tensor::close);
            theirs.values().forEach(Tensor::close);
            scratch.values().forEach(Tensor::close);
        }
    }

    /** Launches each step through DeviceCode, in order, with the same positional arguments CUDA gets. */
    private static void runPlan(List<Launch> launches, Map<String, Tensor> tensors, Map<String, Tensor> scratch) {
        DeviceCode code = opencl.capability(DeviceCode.class).orElseThrow(
                () -> new AssertionError("the OpenCL backend offers no DeviceCode capability"));
        for (Launch l : launches) {
            Object[] args = new Object[l.args().size()];
            for (int i = 0; i < args.length; i++) {
                Launch.Arg a = l.args().get(i);
                switch (a.kind()) {
                    case TENSOR:
                        args[i] = a.value();
                        break;
                    case SCRATCH:
                        args[i] = scratch.computeIfAbsent((String) a.value(),
                                k -> opencl.allocate(1, (int) a.scratchElements(), DType.FLOAT32));
                        break;
                    default:
                        args[i] = a.value();
                }
            }
            // DeviceCode launches in work-groups of the OpenCL backend's default size, 64.
            assertTrue(l.group() == 0 || l.group() == 64, l.entry() + " needs work-groups of " + l.group());
            if (l.items() > 0) {
                code.load("cuda-plan-" + l.source(), source(l.source()), l.entry()).launch((int) l.items(), args);
            }
        }
    }

    private static byte[] source(String file) {
        try (InputStream in = PlansOnOpenClTest.class.getClassLoader().getResourceAsStream("org/jconvnet/kernels/" + file)) {
            if (in == null) {
                throw new AssertionError("kernel source org/jconvnet/kernels/" + file + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Random positive values (valid for log, sqrt, pow), class indices for labels; outputs start non-zero to test accumulate. */
    private static Map<String, float[]> initialValues(KernelKey key, KernelArgs shape) {
        Random r = new Random(key.toString().hashCode());
        Map<String, float[]> out = new HashMap<>();
        for (Map.Entry<String, Tensor> e : shape.tensors().entrySet()) {
            float[] v = new float[(int) e.getValue().size()];
            for (int i = 0; i < v.length; i++) {
                v[i] = e.getKey().equals("labels") ? r.nextInt(shape.integers().getOrDefault("classes", 1))
                        : 0.1f + 0.9f * r.nextFloat();
            }
            out.put(e.getKey(), v);
        }
        return out;
    }

    private static Map<String, Tensor> upload(Map<String, float[]> init, KernelArgs shape) {
        Map<String, Tensor> out = new HashMap<>();
        shape.tensors().forEach((name, t) -> {
            Tensor d = opencl.allocate(t.rows(), t.cols(), DType.FLOAT32);
            d.upload(init.get(name));
            out.put(name, d);
        });
        return out;
    }

    private static KernelArgs withTensors(KernelArgs shape, Map<String, Tensor> tensors) {
        KernelArgs a = KernelArgs.create();
        tensors.forEach(a::tensor);
        shape.integers().forEach(a::integer);
        shape.reals().forEach(a::real);
        return a;
    }
}
