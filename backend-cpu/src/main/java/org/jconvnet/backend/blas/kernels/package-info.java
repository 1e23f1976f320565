/**
 * The {@code cpu-blas} kernel table: every key of the built-in contracts bound to its call record
 * type and to a body that checks the call's tensors and runs the compute core.
 */
package org.jconvnet.backend.blas.kernels;
