/**
 * The CUDA kernel table: every key of {@code docs/kernel-contracts.md} mapped to the shared launch
 * plans of the {@code kernels} module ({@link org.jconvnet.kernels.plan.KernelPlans}), whose entry
 * points are compiled to PTX/fatbin at build time; {@link org.jconvnet.backend.cuda.kernels.CudaPlannedKernel}
 * runs a plan's launches with {@code cuLaunchKernel}, with the backend's plan options.
 */
package org.jconvnet.backend.cuda.kernels;
