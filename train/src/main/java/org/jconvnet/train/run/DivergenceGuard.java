package org.jconvnet.train.run;

import java.util.List;
import java.util.Map;
import org.jconvnet.api.layer.Layer;
import org.jconvnet.api.layer.ParamSpec;
import org.jconvnet.layers.net.Net;
import org.jconvnet.train.checkpoint.SavedParam;

/**
 * Stops a run whose numbers left the finite range, as cuda-convnet stops on a NaN cost, and keeps
 * every non-finite parameter out of checkpoints.
 *
 * <p>Cost: the cost sums of each minibatch are on the host anyway, so checking them is free. Only
 * when one is NaN or infinite does the guard download the net, layer by layer in execution order
 * (each layer's parameters, then its output), to name the first layer holding a non-finite value.
 * Parameters: a checkpoint's snapshot is checked before anything is written, because the last
 * update of a batch can overflow after its cost was measured.
 */
public final class DivergenceGuard {
    private static final String ADVICE = "lower the learning rates (epsW, epsB) in the layer-params file and resume"
            + " from the last checkpoint";

    private DivergenceGuard() {
    }

    /**
     * Checks one minibatch's costs (as {@link Net#forward} returned them, before backward).
     *
     * @param where the minibatch, e.g. {@code minibatch 3 of 10 (cases 32-47) of batch 1.2}
     * @throws DivergenceException when a cost is NaN or infinite
     */
    public static void checkCost(Map<String, double[]> costs, Net net, String where) {
        for (Map.Entry<String, double[]> e : costs.entrySet()) {
            for (double v : e.getValue()) {
                if (!Double.isFinite(v)) {
                    throw new DivergenceException("training diverged: the cost " + e.getKey() + " is " + v + " at " + where
                            + "; first non-finite value: " + firstNonFinite(net) + "; " + ADVICE);
                }
            }
        }
    }

    /**
     * Checks a checkpoint's snapshot before it is written.
     *
     * @param where the position it would be saved at, e.g. {@code batch 1.2}
     * @throws DivergenceException naming the first parameter (or momentum buffer) not finite
     */
    public static void requireFinite(List<SavedParam> params, String where) {
        for (SavedParam p : params) {
            String bad = describe(p.values());
            if (bad != null) {
                throw new DivergenceException("training diverged: parameter " + p.layer() + "." + p.param() + " holds "
                        + bad + " after " + where + " (the update of its last minibatch); " + ADVICE);
            }
            bad = describe(p.momentum());
            if (bad != null) {
                throw new DivergenceException("training diverged: the momentum of parameter " + p.layer() + "."
                        + p.param() + " holds " + bad + " after " + where + "; " + ADVICE);
            }
        }
    }

    /** The first layer, in execution order, whose parameters or output hold a non-finite value. */
    static String firstNonFinite(Net net) {
        for (Layer l : net.definition().layers()) {
            for (ParamSpec s : l.params()) {
                String bad = describe(net.getParam(l.name(), s.name()));
                if (bad != null) {
                    return "parameter " + l.name() + "." + s.name() + " of layer " + l.name() + " (" + bad + ")";
                }
            }
            String bad = describe(net.output(l.name()));
            if (bad != null) {
                return "the output of layer " + l.name() + " (" + l.type() + "; " + bad + ")"
                        + (!l.isCost() ? "" : ", while every layer below it is finite" + ("cost.logreg".equals(l.type())
                        ? " (the probability of a true class underflowed to 0)" : ""));
            }
        }
        return "none in the parameters or outputs (the cost layer's arithmetic overflowed)";
    }

    /** {@code "NaN (3 of 40 values)"}, or null when every value is finite. */
    static String describe(double[] values) {
        int bad = 0;
        double first = 0;
        for (double v : values) {
            if (!Double.isFinite(v)) {
                if (bad++ == 0) {
                    first = v;
                }
            }
        }
        return bad == 0 ? null : first + " (" + bad + " of " + values.length + " values not finite)";
    }
}
