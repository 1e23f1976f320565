/**
 * The launch plans both GPU backends run: {@link org.jconvnet.kernels.plan.KernelPlans} turns a
 * key's typed {@link org.jconvnet.api.kernel.KernelCall} into
 * {@link org.jconvnet.kernels.plan.Launch}es (entry point plus an api
 * {@link org.jconvnet.api.kernel.DeviceLaunch}: positional arguments labelled with the {@code .kc}
 * parameter names, work-item count and group size), given the backend's
 * {@link org.jconvnet.kernels.plan.PlanOptions}. A {@link org.jconvnet.kernels.plan.PlannedKernel}
 * hands them to its backend's {@link org.jconvnet.kernels.plan.PlanDevice}, whose launcher runs
 * plugin kernels' launches too; {@link org.jconvnet.kernels.plan.ScratchBuffers} is both backends'
 * scratch policy. Plain Java over the api module: no JOCL, no JCuda.
 */
package org.jconvnet.kernels.plan;
