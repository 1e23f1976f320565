/**
 * The OpenCL backend: a small JOCL runtime (device choice, context, in-order queue, program cache,
 * the one launcher of built-in and plugin kernels, device tensors) and its {@link org.jconvnet.api.backend.BackendProvider}.
 *
 * <p>Only this package and its sub-packages import {@code org.jocl}. Natives are loaded lazily by
 * {@link org.jconvnet.backend.opencl.OpenClProbe}, never while a provider class is loaded. Kernel
 * sources come from the {@code kernels} module (portable OpenCL C / CUDA dialect, see its
 * {@code prelude.h}).
 */
package org.jconvnet.backend.opencl;
