/**
 * The CUDA backend: a JCuda driver-API runtime (primary context, module cache, device tensors,
 * kernel launch, synchronisation) and the kernel table that maps every contract key to the
 * entry points of the PTX/fatbin built by {@code nvcc} from the portable kernel sources.
 *
 * <p>Native code is touched only by {@link org.jconvnet.backend.cuda.CudaBackendProvider#probe()}
 * and {@link org.jconvnet.backend.cuda.CudaBackendProvider#create}: the classes that call
 * {@code jcuda.*} are reached from there alone, so loading the provider on a machine without an
 * NVIDIA driver is harmless, and the probe turns the missing {@code libcuda.so.1} into a reason.
 * Classes without JCuda references ({@link org.jconvnet.backend.cuda.LaunchGeometry},
 * {@link org.jconvnet.backend.cuda.ProbeFailure}, {@link org.jconvnet.backend.cuda.DriverRequirement},
 * {@link org.jconvnet.backend.cuda.KernelImages}) hold the logic that is unit-tested without a GPU.
 */
package org.jconvnet.backend.cuda;
