/**
 * The portable kernel sources (resources beside this package: {@code prelude.h} and the
 * {@code .kc} files listed in {@code index.txt}) and the little launch arithmetic that every GPU
 * backend needs in the same form, such as {@link org.jconvnet.kernels.WeightGradientSplit}.
 * Depends on the JDK and the api module only.
 */
package org.jconvnet.kernels;
