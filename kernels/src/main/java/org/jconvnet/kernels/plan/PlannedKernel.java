package org.jconvnet.kernels.plan;

import org.jconvnet.api.kernel.Kernel;
import org.jconvnet.api.kernel.KernelArgs;
import org.jconvnet.api.kernel.KernelKey;

/**
 * A kernel that runs one key's launch plan with its backend's {@link PlanOptions}: the plan's
 * launches in order, each with work to do handed to {@link #run}. A GPU backend supplies only how
 * one launch reaches its device.
 */
public abstract class PlannedKernel implements Kernel {
    private final KernelKey key;
    private final KernelPlan plan;

    /** A kernel for {@code key} running {@code plan}. */
    protected PlannedKernel(KernelKey key, KernelPlan plan) {
        this.key = key;
        this.plan = plan;
    }

    /** The backend's plan options. */
    protected abstract PlanOptions options();

    /** Runs one launch (it has work-items) on the device. */
    protected abstract void run(Launch launch);

    @Override
    public final void launch(KernelArgs args) {
        for (Launch l : plan.plan(args, options())) {
            if (l.items() > 0) {
                run(l);
            }
        }
    }

    /** The key this kernel implements. */
    protected KernelKey key() {
        return key;
    }
}
