package org.jconvnet.kernels.plan;

import org.jconvnet.api.kernel.Kernel;
import org.jconvnet.api.kernel.KernelCall;
import org.jconvnet.api.kernel.KernelKey;

/**
 * A kernel that runs one key's launch plan on a GPU backend: the plan's launches for the backend's
 * {@link PlanOptions}, in order, each with work to do handed to {@link PlanDevice#launch}. Both GPU
 * backends' kernel providers make their kernels with it.
 */
public final class PlannedKernel implements Kernel {
    private final PlanDevice device;
    private final KernelKey key;
    private final KernelPlan plan;

    /** A kernel for {@code key} running {@code plan} on {@code device}. */
    public PlannedKernel(PlanDevice device, KernelKey key, KernelPlan plan) {
        this.device = device;
        this.key = key;
        this.plan = plan;
    }

    @Override
    public void launch(KernelCall call) {
        for (Launch l : plan.plan(call, device.planOptions())) {
            if (l.items() > 0) {
                device.launch(l);
            }
        }
    }

    @Override
    public String toString() {
        return device.id() + " kernel " + key;
    }
}
