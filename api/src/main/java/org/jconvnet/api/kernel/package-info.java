/**
 * The kernel SPI: typed compute operations that a backend runs on its own tensors.
 *
 * <p>A kernel is keyed by {@link org.jconvnet.api.kernel.KernelKey} (layer type, op, dtype) and
 * called with a {@link org.jconvnet.api.kernel.KernelCall}: a record whose components are the
 * contract's tensors and scalars. The built-in contracts are the records of
 * {@link org.jconvnet.api.kernel.contract} (their Javadoc is the source of truth;
 * {@code docs/kernel-contracts.md} is the guide); the conformance suite holds every backend to
 * them. Kernels reach a backend through {@link org.jconvnet.api.kernel.KernelProvider}s found by
 * {@link java.util.ServiceLoader}, so a layer plugin can ship kernels, and its own call records,
 * for any backend without the backend or this API knowing it. A missing kernel is an error naming
 * layer, op, backend and which backends have it: there is no silent fallback to the CPU.
 */
package org.jconvnet.api.kernel;
