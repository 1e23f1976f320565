/**
 * The launch plans both GPU backends run: {@link org.jconvnet.kernels.plan.KernelPlans} turns a
 * key's named {@link org.jconvnet.api.kernel.KernelArgs} into
 * {@link org.jconvnet.kernels.plan.Launch}es (entry point, positional arguments labelled with the
 * {@code .kc} parameter names, work-item count and group size), given the backend's
 * {@link org.jconvnet.kernels.plan.PlanOptions}. Plain Java over the api module: no JOCL, no JCuda.
 */
package org.jconvnet.kernels.plan;
