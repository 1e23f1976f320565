package org.jconvnet.layers.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jconvnet.api.layer.LayerCase;
import org.jconvnet.api.layer.LayerCase.CaseInput;
import org.jconvnet.api.layer.LayerCase.InputKind;
import org.jconvnet.api.layer.LayerCase.Tolerance;

/**
 * Builds the small nets of {@link LayerCase}s: data sections named {@code data} (one input) or
 * {@code data0}, {@code data1}, ... followed by the section under test.
 */
public final class Cases {
    /** Learning keys that make every weight and bias trainable, so the gradient ops are exercised. */
    public static final String LEARN_ONE = "epsW=0.01\nepsB=0.02\nmomW=0.9\nmomB=0.9\nwc=0.001\n";

    private Cases() {
    }

    /**
     * For the normalisation layers' backward: it subtracts a sum of {@code G*y/d} terms from
     * {@code G*d^-pow}, and that cancellation magnifies float32 rounding (and a GPU's fast pow).
     */
    public static final Map<String, Tolerance> NORM = Map.of("backward-input", new Tolerance(5e-4,
            "backward subtracts a window sum of G*y/d from G*d^-pow; the cancellation magnifies float32 "
                    + "rounding and fast pow/exp intrinsics"));

    /** For exp/log-based ops (softmax, logistic, tanh, softrelu, logreg). */
    public static final Map<String, Tolerance> TRANSCENDENTAL = Map.of(
            "forward", new Tolerance(2e-4, "exp/log on float32, possibly GPU fast intrinsics (a few ulps each)"),
            "backward-input", new Tolerance(2e-4, "derivative computed from the float32 forward output, which carries "
                    + "the exp/log rounding"));

    /** For weight gradients summed over many cases and modules. */
    public static Map<String, Tolerance> longSums(int terms) {
        return Map.of("backward-weights", new Tolerance(3e-4, "each weight gradient sums " + terms
                + " products (cases x modules) in float32, in a backend-specific order"));
    }

    /** A Gaussian input of {@code dims} rows. */
    public static CaseInput gaussian(int dims) {
        return new CaseInput(dims, InputKind.GAUSSIAN, 1.0);
    }

    /** A positive input (for sqrt and the like). */
    public static CaseInput positive(int dims) {
        return new CaseInput(dims, InputKind.POSITIVE, 1.0);
    }

    /** A labels input of {@code classes} classes. */
    public static CaseInput labels(int classes) {
        return new CaseInput(1, InputKind.LABELS, classes);
    }

    /** The learning keys for a weight layer of {@code inputs} inputs. */
    public static String learn(int inputs) {
        if (inputs == 1) {
            return LEARN_ONE;
        }
        String eps = String.join(",", java.util.Collections.nCopies(inputs, "0.01"));
        String mom = String.join(",", java.util.Collections.nCopies(inputs, "0.9"));
        String wc = String.join(",", java.util.Collections.nCopies(inputs, "0.001"));
        return "epsW=" + eps + "\nepsB=0.02\nmomW=" + mom + "\nmomB=0.9\nwc=" + wc + "\n";
    }

    /** The data input names for {@code n} inputs, comma-joined: {@code data} or {@code data0,data1,...}. */
    public static String inputNames(int n) {
        if (n == 1) {
            return "data";
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            names.add("data" + i);
        }
        return String.join(",", names);
    }

    /**
     * A case testing section {@code layer}.
     *
     * @param name     case name
     * @param layer    the section under test
     * @param body     the body of that section (keys after the header, without {@code inputs}: it is added)
     * @param params   its layer-params body ("" for none)
     * @param inputs   the data inputs
     * @param numCases N
     * @param seed     seed
     * @param tol      per-op tolerance overrides
     */
    public static LayerCase of(String name, String layer, String body, String params, List<CaseInput> inputs,
                               int numCases, long seed, Map<String, Tolerance> tol) {
        StringBuilder def = new StringBuilder();
        String[] names = inputNames(inputs.size()).split(",");
        for (int i = 0; i < inputs.size(); i++) {
            def.append('[').append(names[i]).append("]\ntype=data\ndataIdx=").append(i).append("\n\n");
        }
        def.append('[').append(layer).append("]\ninputs=").append(String.join(",", names)).append('\n').append(body);
        String par = params.isEmpty() ? "" : "[" + layer + "]\n" + params;
        return new LayerCase(name, layer, def.toString(), par, inputs, numCases, seed, tol);
    }

    /** {@link #of} without tolerance overrides. */
    public static LayerCase of(String name, String layer, String body, String params, List<CaseInput> inputs,
                               int numCases, long seed) {
        return of(name, layer, body, params, inputs, numCases, seed, Map.of());
    }
}
