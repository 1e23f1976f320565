package org.jconvnet.train.checkpoint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.api.layer.Layer;
import org.jconvnet.api.layer.ParamSpec;
import org.jconvnet.layers.net.Net;
import org.jconvnet.layers.net.NetDefinition;
import org.jconvnet.train.solver.Solver;

/**
 * Copies every parameter between a {@link Net} and checkpoint form, and every momentum buffer
 * between a {@link Solver} and checkpoint form (the solver's {@link Solver#history}).
 */
public final class NetParams {
    private NetParams() {
    }

    /** One parameter of the net with its layer. */
    public record Entry(String layer, ParamSpec spec) {
    }

    /** Every parameter of the net, in layer order, weights before biases. */
    public static List<Entry> entries(NetDefinition def) {
        List<Entry> out = new ArrayList<>();
        for (Layer l : def.layers()) {
            for (ParamSpec p : l.params()) {
                out.add(new Entry(l.name(), p));
            }
        }
        return out;
    }

    /** The net's parameters and the solver's momenta, downloaded. */
    public static List<SavedParam> snapshot(NetDefinition def, Net net, Solver solver) {
        List<SavedParam> out = new ArrayList<>();
        for (Entry e : entries(def)) {
            ParamSpec s = e.spec();
            out.add(new SavedParam(e.layer(), s.name(), s.rows(), s.cols(), s.order(),
                    net.getParam(e.layer(), s.name()), solver.history(e.layer(), s.name())));
        }
        return out;
    }

    /**
     * Uploads saved parameters into the net. Every parameter of the net must be present with the
     * same shape and order.
     *
     * @param where the checkpoint, for messages
     */
    public static void restore(NetDefinition def, Net net, List<SavedParam> saved, String where) {
        Map<String, SavedParam> byKey = byKey(saved);
        for (Entry e : entries(def)) {
            net.setParam(e.layer(), e.spec().name(), find(byKey, e, where).values());
        }
    }

    /**
     * Uploads saved momentum buffers into the solver, with the checks of {@link #restore}.
     *
     * @param where the checkpoint, for messages
     */
    public static void restoreMomentum(NetDefinition def, Solver solver, List<SavedParam> saved, String where) {
        Map<String, SavedParam> byKey = byKey(saved);
        for (Entry e : entries(def)) {
            solver.setHistory(e.layer(), e.spec().name(), find(byKey, e, where).momentum());
        }
    }

    private static Map<String, SavedParam> byKey(List<SavedParam> saved) {
        Map<String, SavedParam> byKey = new HashMap<>();
        saved.forEach(p -> byKey.put(p.layer() + "." + p.param(), p));
        return byKey;
    }

    /** The saved matrix of {@code e}, which must have its shape and order. */
    private static SavedParam find(Map<String, SavedParam> byKey, Entry e, String where) {
        ParamSpec s = e.spec();
        SavedParam p = byKey.get(e.layer() + "." + s.name());
        if (p == null) {
            throw new JConvNetException(where + ": has no " + e.layer() + "." + s.name() + " (the net needs shape ("
                    + s.rows() + ", " + s.cols() + "))");
        }
        if (p.rows() != s.rows() || p.cols() != s.cols() || p.order() != s.order()) {
            throw new JConvNetException(where + ": " + p.fileName() + " has shape (" + p.rows() + ", " + p.cols() + ") "
                    + p.order() + ", the net needs (" + s.rows() + ", " + s.cols() + ") " + s.order());
        }
        return p;
    }
}
