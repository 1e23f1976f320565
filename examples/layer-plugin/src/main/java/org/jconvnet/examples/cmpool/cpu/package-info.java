/**
 * The CPU-reference kernels of {@code cmpool}, float32 and float64: the oracle every other
 * backend is compared with. They read {@link org.jconvnet.backend.cpu.CpuTensor}'s arrays, which
 * is why the plugin compiles against the CPU backend (scope {@code provided}: jconvnet always
 * ships it).
 */
package org.jconvnet.examples.cmpool.cpu;
