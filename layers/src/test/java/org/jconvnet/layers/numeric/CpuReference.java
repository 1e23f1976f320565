package org.jconvnet.layers.numeric;

import org.jconvnet.api.backend.Backend;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The CPU reference backend of one test class, registered as a static
 * {@link org.junit.jupiter.api.extension.RegisterExtension} field: each test is skipped while the
 * CPU kernels are not on the class path ({@link Numeric#assumeCpuKernels}), and the backend is
 * closed after the class's last test.
 */
final class CpuReference implements BeforeEachCallback, AfterAllCallback {
    private final Backend backend = Numeric.cpu();

    /** The backend, open until the class's tests are done. */
    Backend backend() {
        return backend;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Numeric.assumeCpuKernels(backend);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        backend.close();
    }
}
