package org.jconvnet.backend.opencl.kernels;

import org.jconvnet.api.kernel.KernelKey;
import org.jconvnet.api.tensor.Tensor;
import org.jconvnet.backend.opencl.KernelLaunch;
import org.jconvnet.backend.opencl.OpenClBackend;
import org.jconvnet.kernels.plan.KernelPlan;
import org.jconvnet.kernels.plan.Launch;
import org.jconvnet.kernels.plan.PlanOptions;
import org.jconvnet.kernels.plan.PlannedKernel;

/**
 * A kernel that runs its shared launch plan on the OpenCL backend: each launch's arguments go to
 * {@code clSetKernelArg} in order and its work-items to a one-dimensional NDRange, in work-groups of
 * the size the launch requires, else of its CPU hint on a CPU device, else of the default size.
 */
final class OpenClPlannedKernel extends PlannedKernel {
    private final OpenClBackend backend;

    OpenClPlannedKernel(OpenClBackend backend, KernelKey key, KernelPlan plan) {
        super(key, plan);
        this.backend = backend;
    }

    @Override
    protected PlanOptions options() {
        return backend.planOptions();
    }

    @Override
    protected void run(Launch l) {
        KernelLaunch k = backend.launch(l.source(), l.entry());
        for (Launch.Arg a : l.args()) {
            switch (a.kind()) {
                case TENSOR:
                    k.mem((Tensor) a.value());
                    break;
                case SCRATCH:
                    k.mem(backend.scratch((String) a.value(), a.scratchElements()));
                    break;
                case INT:
                    k.ints((Integer) a.value());
                    break;
                case FLOAT:
                    k.reals((Float) a.value());
                    break;
                default:
                    throw new IllegalStateException(key() + ": unknown argument kind " + a.kind());
            }
        }
        if (l.group() > 0) {
            k.runGroups(l.items() / l.group(), l.group());
        } else if (l.preferredGroup() > 0 && !backend.runtime().device().gpu()) {
            k.run(l.items(), l.preferredGroup());
        } else {
            k.run(l.items());
        }
    }

    @Override
    public String toString() {
        return "opencl kernel " + key();
    }
}
