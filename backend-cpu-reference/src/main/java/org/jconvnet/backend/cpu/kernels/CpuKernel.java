package org.jconvnet.backend.cpu.kernels;

/** A CPU kernel body: runs one launch. */
@FunctionalInterface
interface CpuKernel {
    /** Runs the launch described by {@code ctx}. */
    void run(KernelContext ctx);
}
