package org.jconvnet.train.distributed;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.jconvnet.api.JConvNetException;

/** Finds the {@link DistributedTrainerProvider} of an engine. */
public final class DistributedTrainers {
    private DistributedTrainers() {
    }

    /**
     * The provider named {@code engine} among those {@code loader} sees.
     *
     * @throws JConvNetException when there is none, or it cannot run: the engine's module (or the
     *         engine itself) is not in this installation
     */
    public static DistributedTrainerProvider find(String engine, ClassLoader loader) {
        List<String> names = new ArrayList<>();
        for (DistributedTrainerProvider p : ServiceLoader.load(DistributedTrainerProvider.class, loader)) {
            if (p.name().equals(engine)) {
                java.util.Optional<String> why = p.unavailableReason();
                if (why.isEmpty()) {
                    return p;
                }
                throw new JConvNetException(label(engine) + " support is not in this installation: " + why.get());
            }
            names.add(p.name());
        }
        throw new JConvNetException(label(engine) + " support is not in this installation: no jconvnet-" + engine
                + " module on the class path (the checkout's ./jconvnet adds it when it was built; the GPU bundle "
                + "leaves it out)" + (names.isEmpty() ? "" : "; engines found: " + String.join(", ", names)));
    }

    private static String label(String engine) {
        return engine.isEmpty() ? engine : Character.toUpperCase(engine.charAt(0)) + engine.substring(1);
    }
}
