package org.jconvnet.kernels.plan;

import java.util.List;
import org.jconvnet.api.kernel.KernelArgs;

/** Turns one key's named arguments into the launches that implement its contract, in order. */
@FunctionalInterface
public interface KernelPlan {

    /**
     * The launches for one call, with the backend's choices of kernels and splits.
     *
     * @throws IllegalArgumentException when an argument is missing, not float32 or smaller than the contract says
     */
    List<Launch> plan(KernelArgs args, PlanOptions options);
}
