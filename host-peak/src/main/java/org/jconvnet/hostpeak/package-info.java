/**
 * The host's float32 sgemm rate, measured through OpenBLAS ({@code org.bytedeco:openblas}, which
 * bundles its natives): the peak {@code jconvnet bench} compares CPU backends' achieved GFLOP/s with.
 */
package org.jconvnet.hostpeak;
