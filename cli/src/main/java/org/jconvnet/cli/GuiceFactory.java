package org.jconvnet.cli;

import com.google.inject.Injector;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * Lets picocli create jconvnet's commands through Guice, so that they get their collaborators
 * injected; picocli's own helper objects (collections, converters) still come from picocli's
 * default factory.
 */
final class GuiceFactory implements IFactory {
    private final Injector injector;
    private final IFactory fallback = CommandLine.defaultFactory();

    GuiceFactory(Injector injector) {
        this.injector = injector;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        if (cls.getName().startsWith("org.jconvnet.") && !cls.isInterface()) {
            return injector.getInstance(cls);
        }
        return fallback.create(cls);
    }
}
