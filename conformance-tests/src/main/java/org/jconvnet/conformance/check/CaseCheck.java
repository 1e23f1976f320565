package org.jconvnet.conformance.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jconvnet.api.layer.LayerCase;
import org.jconvnet.api.layer.LayerPluginRegistry;
import org.jconvnet.conformance.CheckResult;
import org.jconvnet.layers.net.NetDefinition;

/**
 * Base of the checks of one layer case ({@link LayerCaseCheck}, {@link GradientCheck}): the case,
 * its net loaded when the check is planned, and the planned ops. A net that does not load is kept as
 * its error rather than thrown, so the check still plans its ops and reports that error on each of
 * them at run time instead of the whole suite failing at planning.
 */
abstract class CaseCheck implements Check {
    /** The layer type the case belongs to. */
    final String type;
    /** The case. */
    final LayerCase layerCase;
    /** The case's net, or null when it did not load. */
    final NetDefinition def;
    private final RuntimeException loadError;
    private final List<CheckId> planned = new ArrayList<>();

    /** Loads the net of {@code layerCase}, a case of layer type {@code type}; the subclass then plans its ops. */
    CaseCheck(String type, LayerCase layerCase, LayerPluginRegistry plugins) {
        this.type = type;
        this.layerCase = layerCase;
        NetDefinition d = null;
        RuntimeException err = null;
        try {
            d = CaseNets.load(type, layerCase, plugins);
        } catch (RuntimeException e) {
            err = e;
        }
        this.def = d;
        this.loadError = err;
    }

    /** The id of {@code op} on this case. */
    final CheckId id(String op) {
        return new CheckId(type, layerCase.name(), op);
    }

    /** Adds {@code op} to the results this check will produce. */
    final void plan(String op) {
        planned.add(id(op));
    }

    /** Whether the net loaded. */
    final boolean loaded() {
        return def != null;
    }

    /** Whether any input of the case carries data rather than labels, i.e. has a gradient to check. */
    final boolean hasDataInput() {
        return layerCase.inputs().stream().anyMatch(i -> i.kind() != LayerCase.InputKind.LABELS);
    }

    /** Whether the net loaded and has at least one weight or bias, i.e. parameter gradients to check. */
    final boolean hasParams() {
        return def != null && !TwinNets.params(def).isEmpty();
    }

    /** Whether data index {@code idx} is one of the case's inputs and carries data rather than labels. */
    final boolean isDataInput(int idx) {
        return idx < layerCase.inputs().size() && layerCase.inputs().get(idx).kind() != LayerCase.InputKind.LABELS;
    }

    @Override
    public final List<CheckId> planned() {
        return List.copyOf(planned);
    }

    /** The planned results not in {@code skipped}: the load error on each when the net did not load, else {@link #runLoaded}. */
    @Override
    public final List<CheckResult> run(CheckContext ctx, Set<CheckId> skipped) {
        List<CheckId> todo = planned.stream().filter(p -> !skipped.contains(p)).toList();
        if (loadError != null) {
            List<CheckResult> out = new ArrayList<>();
            todo.forEach(p -> out.add(ctx.error(kind(), p, loadError)));
            return out;
        }
        return runLoaded(ctx, todo);
    }

    /** Produces the results of {@code todo} (planned, not skipped) on the loaded net; problems are failed results. */
    abstract List<CheckResult> runLoaded(CheckContext ctx, List<CheckId> todo);
}
