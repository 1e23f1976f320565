/**
 * The kernel SPI: named compute operations that a backend runs on its own tensors.
 *
 * <p>A kernel is keyed by {@link org.jconvnet.api.kernel.KernelKey} (layer type, op, dtype) and
 * called with {@link org.jconvnet.api.kernel.KernelArgs}: named tensors and named scalars. The
 * names and meaning of each key's arguments are its contract, written down in
 * {@code docs/kernel-contracts.md}; the conformance suite holds every backend to it. Kernels reach
 * a backend through {@link org.jconvnet.api.kernel.KernelProvider}s found by
 * {@link java.util.ServiceLoader}, so a layer plugin can ship kernels for any backend without the
 * backend knowing it. A missing kernel is an error naming layer, op, backend and which backends
 * have it: there is no silent fallback to the CPU.
 */
package org.jconvnet.api.kernel;
