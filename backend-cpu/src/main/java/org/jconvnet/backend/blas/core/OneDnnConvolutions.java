package org.jconvnet.backend.blas.core;

import static org.bytedeco.dnnl.global.dnnl.dnnl_stream_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_stream_default_flags;
import static org.bytedeco.dnnl.global.dnnl.dnnl_stream_destroy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bytedeco.dnnl.dnnl_stream;

/**
 * The oneDNN convolutions of one {@link Compute}: its own stream (oneDNN streams are not shared
 * between threads, and each engine's launches come one after another), and one
 * {@link OneDnnConvolution} per conv geometry met, built on first use and kept (the {@link #KEPT}
 * most recently used), so that a training loop builds each layer's primitives once (twice where the
 * last minibatch of a batch is smaller).
 * A geometry oneDNN cannot take is remembered as refused, with the reason, and runs on the
 * OpenBLAS path instead.
 */
final class OneDnnConvolutions implements AutoCloseable {
    /** Geometries kept built: a net's conv layers at two minibatch sizes, forward and backward, with room to spare. */
    static final int KEPT = 32;

    private final dnnl_stream stream = new dnnl_stream();
    private final Workers workers;
    /**
     * The geometries built, least recently used first; beyond {@link #KEPT} the oldest is closed,
     * so that an application feeding ever new minibatch sizes does not hold native buffers forever.
     */
    private final Map<FilterGeometry, OneDnnConvolution> built = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<FilterGeometry, OneDnnConvolution> eldest) {
            if (size() <= KEPT) {
                return false;
            }
            eldest.getValue().close();
            return true;
        }
    };
    private final Map<FilterGeometry, String> refused = new HashMap<>();

    /**
     * Convolutions on a new stream of oneDNN's CPU engine ({@link OneDnn#load} must have
     * succeeded), their heap copies split over {@code workers}.
     */
    OneDnnConvolutions(Workers workers) {
        this.workers = workers;
        OneDnn.check(dnnl_stream_create(stream, OneDnn.engine(), dnnl_stream_default_flags), "creating a stream");
    }

    /** The convolution of {@code g}, or null for local layers and geometries oneDNN refused. */
    synchronized OneDnnConvolution of(FilterGeometry g) {
        if (g.local() || refused.containsKey(g)) {
            return null;
        }
        OneDnnConvolution c = built.get(g);
        if (c == null) {
            try {
                c = new OneDnnConvolution(g, stream, workers);
            } catch (IllegalStateException e) {
                refused.put(g, e.getMessage());
                return null;
            }
            built.put(g, c);
        }
        return c;
    }

    /** Why oneDNN refused {@code g}, or null if it did not (yet). */
    synchronized String refusal(FilterGeometry g) {
        return refused.get(g);
    }

    @Override
    public synchronized void close() {
        built.values().forEach(OneDnnConvolution::close);
        built.clear();
        dnnl_stream_destroy(stream);
    }
}
