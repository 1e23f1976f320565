package org.jconvnet.backend.cuda.kernels;

import java.util.ArrayList;
import java.util.List;
import org.jconvnet.api.kernel.Kernel;
import org.jconvnet.api.kernel.KernelArgs;
import org.jconvnet.api.kernel.KernelKey;
import org.jconvnet.backend.cuda.CudaBackend;
import org.jconvnet.backend.cuda.LaunchGeometry;
import org.jconvnet.kernels.plan.KernelPlan;
import org.jconvnet.kernels.plan.Launch;

/** A kernel that runs its plan's launches on the CUDA backend, in order, on the default stream. */
final class PlannedKernel implements Kernel {
    /** Threads per block for planned launches that leave the size to the backend (all are 1-D). */
    static final int BLOCK = 128;

    private final CudaBackend backend;
    private final KernelKey key;
    private final KernelPlan plan;

    PlannedKernel(CudaBackend backend, KernelKey key, KernelPlan plan) {
        this.backend = backend;
        this.key = key;
        this.plan = plan;
    }

    @Override
    public void launch(KernelArgs args) {
        for (Launch l : plan.plan(args, backend.planOptions())) {
            if (l.items() <= 0) {
                continue;
            }
            backend.launch(l.entry(), LaunchGeometry.linear(l.items(), l.group() > 0 ? l.group() : BLOCK), positional(l));
        }
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
                    throw new IllegalStateException(key + ": unknown argument kind " + a.kind());
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "cuda kernel " + key;
    }
}
