package org.jconvnet.backend.cuda.kernels;

import java.util.ArrayList;
import java.util.List;
import org.jconvnet.api.kernel.KernelKey;
import org.jconvnet.backend.cuda.CudaBackend;
import org.jconvnet.backend.cuda.LaunchGeometry;
import org.jconvnet.kernels.plan.KernelPlan;
import org.jconvnet.kernels.plan.Launch;
import org.jconvnet.kernels.plan.PlanOptions;
import org.jconvnet.kernels.plan.PlannedKernel;

/** A kernel that runs its plan's launches on the CUDA backend with {@code cuLaunchKernel}, in order, on the default stream. */
final class CudaPlannedKernel extends PlannedKernel {
    /** Threads per block for planned launches that leave the size to the backend (all are 1-D). */
    static final int BLOCK = 128;

    private final CudaBackend backend;

    CudaPlannedKernel(CudaBackend backend, KernelKey key, KernelPlan plan) {
        super(key, plan);
        this.backend = backend;
    }

    @Override
    protected PlanOptions options() {
        return backend.planOptions();
    }

    @Override
    protected void run(Launch l) {
        backend.launch(l.entry(), LaunchGeometry.linear(l.items(), l.group() > 0 ? l.group() : BLOCK), positional(l));
    }

    private List<Object> positional(Launch l) {
        List<Object> out = new ArrayList<>(l.args().size());
        for (Launch.Arg a : l.args()) {
            switch (a.kind()) {
                case SCRATCH:
                    out.add(backend.scratch((String) a.value(), a.scratchElements()));
                    break;
                case TENSOR:
                case INT:
                case FLOAT:
                    out.add(a.value());
                    break;
                default:
                    throw new IllegalStateException(key() + ": unknown argument kind " + a.kind());
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "cuda kernel " + key();
    }
}
