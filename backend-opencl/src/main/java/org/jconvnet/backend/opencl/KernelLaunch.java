package org.jconvnet.backend.opencl;

import static org.jocl.CL.*;

import java.util.ArrayList;
import java.util.List;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.api.tensor.Tensor;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_kernel;

/**
 * Collects the arguments of one kernel launch in declaration order and enqueues it. Reals are
 * narrowed to float once here, as the kernel contracts require of float32 kernels.
 *
 * <p>Geometry is one-dimensional: {@link #run(long)} launches at least that many work-items,
 * rounded up to a multiple of the work-group size (OpenCL 1.2 requires it); kernels bound-check.
 */
public final class KernelLaunch {
    /** Default work-group size for one-dimensional launches. */
    public static final int DEFAULT_LOCAL_SIZE = 64;

    private final OpenClRuntime runtime;
    private final cl_kernel kernel;
    private final String name;
    private final List<Object> args = new ArrayList<>();

    KernelLaunch(OpenClRuntime runtime, cl_kernel kernel, String name) {
        this.runtime = runtime;
        this.kernel = kernel;
        this.name = name;
    }

    /** Appends a tensor argument (its buffer). */
    public KernelLaunch mem(Tensor t) {
        args.add(OpenClTensor.of(t));
        return this;
    }

    /** Appends integer arguments. */
    public KernelLaunch ints(int... values) {
        for (int v : values) {
            args.add(v);
        }
        return this;
    }

    /** Appends real arguments, narrowed to float. */
    public KernelLaunch reals(double... values) {
        for (double v : values) {
            args.add((float) v);
        }
        return this;
    }

    /** Enqueues {@code items} work-items with the default work-group size. */
    public void run(long items) {
        run(items, DEFAULT_LOCAL_SIZE);
    }

    /**
     * Enqueues at least {@code items} work-items in groups of {@code localSize} (fewer where the
     * device allows less: the kernel must not depend on it). Zero items is a no-op.
     */
    public void run(long items, int localSize) {
        if (items <= 0) {
            return;
        }
        long local = Math.min(localSize, runtime.device().maxWorkGroupSize());
        enqueue((items + local - 1) / local * local, local);
    }

    /**
     * Enqueues {@code groups} work-groups of exactly {@code size} work-items, for kernels that share
     * local memory across a work-group of that size. Zero groups is a no-op.
     *
     * @throws JConvNetException when the device's work-groups cannot be that large
     */
    public void runGroups(long groups, int size) {
        if (groups <= 0) {
            return;
        }
        if (size > runtime.device().maxWorkGroupSize()) {
            throw new JConvNetException("OpenCL kernel " + name + " needs work-groups of " + size + " work-items; "
                    + runtime.device().name().trim() + " allows at most " + runtime.device().maxWorkGroupSize());
        }
        enqueue(groups * size, size);
    }

    private void enqueue(long global, long local) {
        synchronized (runtime) {
            runtime.checkOpen();
            try {
                for (int i = 0; i < args.size(); i++) {
                    Object a = args.get(i);
                    if (a instanceof OpenClTensor) {
                        clSetKernelArg(kernel, i, Sizeof.cl_mem, Pointer.to(((OpenClTensor) a).mem()));
                    } else if (a instanceof Integer) {
                        clSetKernelArg(kernel, i, Sizeof.cl_int, Pointer.to(new int[] {(Integer) a}));
                    } else {
                        clSetKernelArg(kernel, i, Sizeof.cl_float, Pointer.to(new float[] {(Float) a}));
                    }
                }
                long t0 = LaunchProfile.ENABLED ? System.nanoTime() : 0;
                clEnqueueNDRangeKernel(runtime.queue(), kernel, 1, null, new long[] {global}, new long[] {local},
                        0, null, null);
                if (LaunchProfile.ENABLED) {
                    clFinish(runtime.queue());
                    LaunchProfile.record(name, System.nanoTime() - t0);
                }
            } catch (CLException e) {
                throw new JConvNetException("OpenCL kernel " + name + " could not be launched on "
                        + runtime.device().name().trim() + " (" + global + " work-items in groups of " + local
                        + ", " + args.size() + " arguments): " + e.getMessage(), e);
            }
        }
    }
}
