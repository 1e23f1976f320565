package org.jconvnet.backend.cpu.kernels;

import org.jconvnet.api.kernel.KernelCall;

/** A CPU kernel body: runs one call of its contract record type {@code C}. */
@FunctionalInterface
interface CpuKernel<C extends KernelCall> {
    /** Runs {@code call} with the launch's {@code ctx}. */
    void run(C call, KernelContext ctx);
}
