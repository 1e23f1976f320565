package org.jconvnet.examples.cmpool.gpu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.kernel.DeviceCode;
import org.jconvnet.api.kernel.DeviceCode.DeviceFunction;
import org.jconvnet.api.kernel.DeviceLaunch;
import org.jconvnet.api.kernel.Kernel;
import org.jconvnet.api.kernel.KernelFactory;
import org.jconvnet.api.kernel.KernelKey;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.examples.cmpool.CmPoolContract;
import org.jconvnet.examples.cmpool.CmPoolGeometry;

/**
 * Turns {@code cmpool.kc}'s two entry points into contract kernels on any backend with a
 * {@link DeviceCode} capability: it loads the device code shipped as a class-path resource and
 * maps the fields of its {@link CmPoolContract} records to a {@link DeviceLaunch} of the entry
 * point (its parameters in order, named as in {@code cmpool.kc}, and the work-items), the launch
 * description the built-in kernels use too.
 */
final class DeviceKernels {
    /** The program name the backends cache and report by. */
    static final String PROGRAM = "cmpool";
    /** Work-items per work-group of the forward launch. */
    static final int FORWARD_GROUP = 64;

    private DeviceKernels() {
    }

    /** The float32 forward and backward-input factories for device code of {@code codeKind} in {@code resource}. */
    static Map<KernelKey, KernelFactory> float32(String codeKind, String resource) {
        return Map.of(
                CmPoolContract.FORWARD.key(DType.FLOAT32),
                backend -> forward(load(backend, codeKind, resource, "cmpool_forward")),
                CmPoolContract.BACKWARD_INPUT.key(DType.FLOAT32),
                backend -> backwardInput(load(backend, codeKind, resource, "cmpool_backward_input")));
    }

    private static Kernel forward(DeviceFunction f) {
        KernelKey key = CmPoolContract.FORWARD.key(DType.FLOAT32);
        return call -> {
            CmPoolContract.Forward a = CmPoolContract.FORWARD.cast(key, call);
            CmPoolGeometry g = a.geometry();
            int n = a.numCases();
            // Work-groups of exactly FORWARD_GROUP work-items, as a kernel sharing local memory
            // would need them (cmpool_forward bounds-checks the rest of the last group, and would
            // run in groups of any size).
            DeviceLaunch.Builder b = DeviceLaunch.builder().tensor("input", a.input()).tensor("output", a.output());
            f.launch(geometry(b, g, n).integer("outputs", g.outputs())
                    .itemsInGroupsOf((long) g.outputs() * g.imgPixels() * n, FORWARD_GROUP));
        };
    }

    private static Kernel backwardInput(DeviceFunction f) {
        KernelKey key = CmPoolContract.BACKWARD_INPUT.key(DType.FLOAT32);
        return call -> {
            CmPoolContract.BackwardInput a = CmPoolContract.BACKWARD_INPUT.cast(key, call);
            CmPoolGeometry g = a.geometry();
            int n = a.numCases();
            DeviceLaunch.Builder b = DeviceLaunch.builder().tensor("input", a.input()).tensor("output", a.output())
                    .tensor("outputGrad", a.outputGrad()).tensor("inputGrad", a.inputGrad());
            f.launch(geometry(b, g, n).integer("outputs", g.outputs()).integer("accumulate", a.accumulate() ? 1 : 0)
                    .items((long) g.channels() * g.imgPixels() * n));
        };
    }

    /** The parameters both entry points share, after their tensors: {@code numCases} to {@code stride}. */
    private static DeviceLaunch.Builder geometry(DeviceLaunch.Builder b, CmPoolGeometry g, int numCases) {
        return b.integer("numCases", numCases).integer("channels", g.channels()).integer("imgSize", g.imgSize())
                .integer("size", g.size()).integer("start", g.start()).integer("stride", g.stride());
    }

    private static DeviceFunction load(Backend backend, String codeKind, String resource, String entryPoint) {
        DeviceCode code = backend.capability(DeviceCode.class).orElseThrow(() -> new JConvNetException(
                "backend '" + backend.id() + "' offers no DeviceCode capability, so the cmpool plugin cannot load "
                        + resource + " on it"));
        if (!code.codeKind().equals(codeKind)) {
            throw new JConvNetException("backend '" + backend.id() + "' loads device code of kind '" + code.codeKind()
                    + "', but the cmpool plugin ships '" + codeKind + "' for it");
        }
        return code.load(PROGRAM, resourceBytes(resource), entryPoint);
    }

    private static byte[] resourceBytes(String resource) {
        try (InputStream in = DeviceKernels.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new JConvNetException("the cmpool plugin jar lacks its device code resource " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
