package org.jconvnet.layers.net;

import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.layer.Layer;
import org.jconvnet.api.layer.LayerRun;

/**
 * Runs a {@link Net}'s layers, timing each call into the attached {@link LayerProfile} between two
 * synchronisations of the backend; with none attached it only runs them.
 */
final class NetProfiler {
    private final Backend backend;
    private LayerProfile profile;

    NetProfiler(Backend backend) {
        this.backend = backend;
    }

    /** Attaches {@code profile}; {@code null} detaches. */
    void attach(LayerProfile profile) {
        this.profile = profile;
    }

    /** {@code l.forward(run)}, timed. */
    void forward(Layer l, LayerRun run) {
        if (profile == null) {
            l.forward(run);
        } else {
            time(l, LayerProfile.Phase.FORWARD, () -> l.forward(run));
        }
    }

    /** {@code l.backward(run)}, timed. */
    void backward(Layer l, LayerRun run) {
        if (profile == null) {
            l.backward(run);
        } else {
            time(l, LayerProfile.Phase.BACKWARD, () -> l.backward(run));
        }
    }

    /** Runs {@code work}, timed as {@code phase} of {@code l}. */
    void time(Layer l, LayerProfile.Phase phase, Runnable work) {
        if (profile == null) {
            work.run();
            return;
        }
        backend.synchronize();
        long t0 = System.nanoTime();
        work.run();
        backend.synchronize();
        profile.add(l.name(), l.type(), phase, System.nanoTime() - t0);
    }
}
