/**
 * The few dtype-specific pieces of the CPU reference: element access ({@link
 * org.jconvnet.backend.cpu.numeric.Elements}), float32/float64 rounding ({@link
 * org.jconvnet.backend.cpu.numeric.Precision}), and the one hot primitive every weight layer runs
 * on, a linear combination of rows ({@link org.jconvnet.backend.cpu.numeric.RowBlock},
 * {@link org.jconvnet.backend.cpu.numeric.RowCombination}).
 *
 * <p>Everything else (the kernels' geometry loops) is written once against these, so the float32
 * and float64 modes cannot drift apart. Float32 mode computes like a float32 implementation: every
 * sum and product is rounded to float as it is formed (computing one {@code +,-,*,/} in double and
 * rounding gives exactly the float result), and the hot rows are plain {@code float[]} loops.
 */
package org.jconvnet.backend.cpu.numeric;
