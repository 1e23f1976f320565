/**
 * The OpenCL and CUDA kernels of {@code cmpool}, float32. Both come from one source,
 * {@code cmpool.kc}, in jconvnet's portable dialect, and reach the device through the backend's
 * {@link org.jconvnet.api.kernel.DeviceCode} capability: OpenCL gets the source, CUDA the PTX that
 * {@code scripts/generate-ptx.sh} builds with nvcc. Each launch is an
 * {@link org.jconvnet.api.kernel.DeviceLaunch}, the description the built-in kernels use, so a
 * plugin kernel can fix its work-group size and take local memory and scratch buffers as they do.
 * No backend class is imported.
 */
package org.jconvnet.examples.cmpool.gpu;
