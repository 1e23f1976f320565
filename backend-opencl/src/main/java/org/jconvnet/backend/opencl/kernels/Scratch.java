package org.jconvnet.backend.opencl.kernels;

import org.jconvnet.backend.opencl.OpenClBackend;
import org.jconvnet.backend.opencl.OpenClTensor;

/**
 * A device buffer a kernel keeps between launches for intermediate results (bias row sums, the
 * cnorm gradient's V term), grown on demand and released with the backend. Launches on one
 * backend are serialised on its in-order queue, so reuse across launches is safe.
 */
final class Scratch {
    private final OpenClBackend backend;
    private OpenClTensor buffer;

    Scratch(OpenClBackend backend) {
        this.backend = backend;
    }

    /** A buffer of at least {@code elements} floats (contents undefined). */
    synchronized OpenClTensor atLeast(long elements) {
        if (buffer == null || buffer.size() < elements) {
            if (buffer != null) {
                buffer.close();
            }
            if (elements > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("scratch buffer of " + elements + " floats exceeds 2^31 elements");
            }
            buffer = backend.allocateOwned(1, (int) Math.max(1, elements));
        }
        return buffer;
    }
}
