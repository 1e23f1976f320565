/**
 * The OpenCL kernels of the built-in layers, registered through
 * {@link org.jconvnet.backend.opencl.kernels.OpenClKernelProvider}: every key of
 * {@code docs/kernel-contracts.md} is a {@link org.jconvnet.kernels.plan.PlannedKernel} running the
 * shared launch plan of the {@code kernels} module on the {@link org.jconvnet.backend.opencl.OpenClBackend}.
 */
package org.jconvnet.backend.opencl.kernels;
