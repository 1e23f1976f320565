/**
 * The fast CPU backend {@code cpu-blas}: provider, backend and float32 tensor. Conv, local and fc
 * run as im2col + OpenBLAS sgemm ({@link org.jconvnet.backend.blas.core}); the CPU reference
 * ({@code backend-cpu-reference}) stays the readable source of truth it is held to.
 */
package org.jconvnet.backend.blas;
