package org.jconvnet.kernels.plan;

import java.util.List;
import org.jconvnet.api.kernel.KernelCall;

/** Turns one key's call into the launches that implement its contract, in order. */
@FunctionalInterface
public interface KernelPlan {

    /**
     * The launches for one call, with the backend's choices of kernels and splits.
     *
     * @throws IllegalArgumentException when the call is of another contract, or a tensor is not
     *                                  float32 or smaller than the contract says
     */
    List<Launch> plan(KernelCall call, PlanOptions options);
}
