/**
 * The CPU reference kernels of every built-in contract of {@code docs/kernel-contracts.md}, for
 * float32 and float64, registered by {@link org.jconvnet.backend.cpu.kernels.CpuKernelProvider}.
 *
 * <p>Each kernel is written once: weight layers (conv, local, fc) as row combinations over the
 * case index ({@link org.jconvnet.backend.cpu.numeric.RowCombination}), everything else against
 * {@link org.jconvnet.backend.cpu.numeric.Elements} with {@link
 * org.jconvnet.backend.cpu.numeric.Precision} rounding, so that float32 mode computes like float32.
 * The loops follow the formulas of cuda-convnet.md §3.2 to §3.12 and the contracts.
 */
package org.jconvnet.backend.cpu.kernels;
