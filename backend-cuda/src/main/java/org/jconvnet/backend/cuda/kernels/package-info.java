/**
 * The CUDA kernel table: every key of {@code docs/kernel-contracts.md} mapped to launches of the
 * entry points of the portable kernel sources ({@code kernels} module, {@code *.kc}), compiled to
 * PTX/fatbin at build time.
 *
 * <p>{@link org.jconvnet.backend.cuda.kernels.KernelPlans} turns a key's named
 * {@link org.jconvnet.api.kernel.KernelArgs} into {@link org.jconvnet.backend.cuda.kernels.Launch}es:
 * entry point, positional arguments labelled with the {@code .kc} parameter names, and the
 * one-dimensional work-item count the source's {@code LAUNCH:} comment asks for. That part is
 * plain Java over the api module (no JCuda), so tests check it against the {@code .kc}
 * signatures and the PTX parameter types without a GPU;
 * {@link org.jconvnet.backend.cuda.kernels.CudaKernelProvider} runs the plans on the device.
 */
package org.jconvnet.backend.cuda.kernels;
