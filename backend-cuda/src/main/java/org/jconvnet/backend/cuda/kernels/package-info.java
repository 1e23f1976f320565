/**
 * The CUDA kernel table: every key of {@code docs/kernel-contracts.md} mapped to the shared launch
 * plans of the {@code kernels} module ({@link org.jconvnet.kernels.plan.KernelPlans}), whose entry
 * points are compiled to PTX/fatbin at build time; a {@link org.jconvnet.kernels.plan.PlannedKernel}
 * hands a plan's launches to the {@link org.jconvnet.backend.cuda.CudaBackend}, which launches them with
 * {@code cuLaunchKernel} like plugin kernels'.
 */
package org.jconvnet.backend.cuda.kernels;
