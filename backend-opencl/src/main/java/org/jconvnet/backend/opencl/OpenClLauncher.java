package org.jconvnet.backend.opencl;

import static org.jocl.CL.*;

import java.util.List;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.api.kernel.DeviceLaunch;
import org.jconvnet.api.tensor.Tensor;
import org.jconvnet.kernels.plan.ScratchBuffers;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_kernel;

/**
 * The one place where a launch reaches the OpenCL device, for built-in plans and plugin kernels
 * alike: each {@link DeviceLaunch} argument goes to {@code clSetKernelArg} in order (tensors and
 * scratch buffers as their {@code cl_mem}, ints, floats, local memory as a size with no value), and
 * its work-items to a one-dimensional NDRange.
 *
 * <p>Work-groups: exactly the size the launch requires; else its CPU hint on a non-GPU device;
 * else {@value #DEFAULT_GROUP}; never more than the device allows. Without a required size the
 * work-items are rounded up to whole groups (OpenCL 1.2 requires it; kernels bounds-check).
 */
final class OpenClLauncher {
    /** Work-group size for launches that leave it to the backend. */
    static final int DEFAULT_GROUP = 64;

    private final OpenClRuntime runtime;
    private final ScratchBuffers scratch;

    OpenClLauncher(OpenClRuntime runtime, ScratchBuffers scratch) {
        this.runtime = runtime;
        this.scratch = scratch;
    }

    /**
     * Enqueues {@code launch} of {@code kernel}; zero work-items is a no-op.
     *
     * @param label names the kernel in errors and in the launch profile
     * @throws JConvNetException when the required work-group is larger than the device allows, or the
     *         device refuses the launch
     */
    void launch(cl_kernel kernel, String label, DeviceLaunch launch) {
        if (launch.items() <= 0) {
            return;
        }
        long local = groupSize(label, launch);
        long global = (launch.items() + local - 1) / local * local;
        synchronized (runtime) {
            runtime.checkOpen();
            try {
                List<DeviceLaunch.Arg> args = launch.args();
                for (int i = 0; i < args.size(); i++) {
                    setArg(kernel, i, args.get(i));
                }
                long t0 = LaunchProfile.ENABLED ? System.nanoTime() : 0;
                clEnqueueNDRangeKernel(runtime.queue(), kernel, 1, null, new long[] {global}, new long[] {local},
                        0, null, null);
                if (LaunchProfile.ENABLED) {
                    clFinish(runtime.queue());
                    LaunchProfile.record(label, System.nanoTime() - t0);
                }
            } catch (CLException e) {
                throw new JConvNetException("OpenCL kernel " + label + " could not be launched on "
                        + runtime.device().name().trim() + " (" + global + " work-items in groups of " + local
                        + ", " + launch.args().size() + " arguments, " + launch.localBytes() + " bytes of local memory): "
                        + e.getMessage(), e);
            }
        }
    }

    private void setArg(cl_kernel kernel, int index, DeviceLaunch.Arg a) {
        switch (a.kind()) {
            case TENSOR -> setBuffer(kernel, index, (Tensor) a.value());
            case SCRATCH -> setBuffer(kernel, index, scratch.get((String) a.value(), a.elements()));
            case INT -> clSetKernelArg(kernel, index, Sizeof.cl_int, Pointer.to(new int[] {(Integer) a.value()}));
            case FLOAT -> clSetKernelArg(kernel, index, Sizeof.cl_float, Pointer.to(new float[] {(Float) a.value()}));
            case LOCAL -> clSetKernelArg(kernel, index, a.elements() * Sizeof.cl_float, null);
            default -> throw new IllegalStateException("argument '" + a.param() + "': unknown kind " + a.kind());
        }
    }

    private static void setBuffer(cl_kernel kernel, int index, Tensor t) {
        clSetKernelArg(kernel, index, Sizeof.cl_mem, Pointer.to(OpenClTensor.of(t).mem()));
    }

    private long groupSize(String label, DeviceLaunch launch) {
        OpenClDevice device = runtime.device();
        if (launch.group() > 0) {
            if (launch.group() > device.maxWorkGroupSize()) {
                throw new JConvNetException("OpenCL kernel " + label + " needs work-groups of " + launch.group()
                        + " work-items; " + device.name().trim() + " allows at most " + device.maxWorkGroupSize());
            }
            return launch.group();
        }
        int wanted = launch.preferredGroup() > 0 && !device.gpu() ? launch.preferredGroup() : DEFAULT_GROUP;
        return Math.min(wanted, device.maxWorkGroupSize());
    }
}
