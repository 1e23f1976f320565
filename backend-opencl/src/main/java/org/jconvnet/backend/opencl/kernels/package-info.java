/**
 * The OpenCL kernels of the built-in layers, one class per contract family, registered through
 * {@link org.jconvnet.backend.opencl.kernels.OpenClKernelProvider}. Each class binds the named
 * arguments of {@code docs/kernel-contracts.md} to a kernel function of the shared portable
 * sources ({@code org/jconvnet/kernels/*.kc}) and picks its launch size.
 */
package org.jconvnet.backend.opencl.kernels;
