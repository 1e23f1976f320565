package org.jconvnet.cli.archfixture;

import java.util.ServiceLoader;
import org.jconvnet.api.backend.BackendProvider;

/** Test fixture: hands a class loader through the thread instead of passing it on. */
public final class ContextClassLoaderUser {
    private ContextClassLoaderUser() {
    }

    /** The three forbidden calls, referenced but never run. */
    public static Object offences(ClassLoader plugins) {
        Thread.currentThread().setContextClassLoader(plugins);
        ServiceLoader<BackendProvider> implicit = ServiceLoader.load(BackendProvider.class);
        return implicit.findFirst().isPresent() ? Thread.currentThread().getContextClassLoader() : null;
    }
}
