package org.jconvnet.api.layer;

import java.util.List;
import java.util.Map;

/**
 * One conformance case a layer plugin supplies: a small net in cuda-convnet {@code .cfg} syntax
 * whose last non-cost layer (or the layer named {@link #layer}) is the layer under test, the
 * shapes and kinds of its data inputs, a seed, and the tolerances to hold backends to.
 *
 * @param name       case name, unique within the layer type, e.g. {@code stride2-pad0-odd}
 * @param layer      the section under test
 * @param layersCfg  layer-definition text (data sections first)
 * @param paramsCfg  layer-parameter text ("" when no section needs one)
 * @param inputs     one entry per data index, in {@code dataIdx} order
 * @param numCases   minibatch size N
 * @param seed       seed of the random inputs and weights
 * @param tolerances per-op relative tolerance for float32 backends, each with its reason; ops not
 *                   listed use {@link Tolerance#DEFAULT}
 */
public record LayerCase(String name, String layer, String layersCfg, String paramsCfg, List<CaseInput> inputs,
                        int numCases, long seed, Map<String, Tolerance> tolerances) {

    /**
     * Copies the collections.
     *
     * @param name case name, unique within the layer type, e.g. {@code stride2-pad0-odd}
     * @param layer the section under test
     * @param layersCfg layer-definition text (data sections first)
     * @param paramsCfg layer-parameter text ("" when no section needs one)
     * @param inputs one entry per data index, in {@code dataIdx} order
     * @param numCases minibatch size N
     * @param seed seed of the random inputs and weights
     * @param tolerances per-op relative tolerance for float32 backends, each with its reason; ops
     *     not listed use {@link Tolerance#DEFAULT}
     */
    public LayerCase {
        inputs = List.copyOf(inputs);
        tolerances = Map.copyOf(tolerances);
    }

    /**
     * The tolerance for {@code op}.
     *
     * @param op the operation
     * @return the tolerance for {@code op}
     */
    public Tolerance tolerance(String op) {
        return tolerances.getOrDefault(op, Tolerance.DEFAULT);
    }

    /** How a data input of a case is filled. */
    public enum InputKind {
        /** Standard normal values times the scale. */
        GAUSSIAN,
        /** Uniform values in (0.1, 1) times the scale: for sqrt and other positive-only inputs. */
        POSITIVE,
        /** Class indices 0..scale-1 (as reals): for labels. */
        LABELS
    }

    /**
     * One data input.
     *
     * @param dims  rows per case
     * @param kind  how values are drawn
     * @param scale scale, or the number of classes for {@link InputKind#LABELS}
     */
    public record CaseInput(int dims, InputKind kind, double scale) {
    }

    /**
     * A float32 tolerance and why it is that size.
     *
     * @param relative max relative error, measured as {@code max|a-b| / max(max|b|, tiny)}
     * @param reason   why this bound is right for this op
     */
    public record Tolerance(double relative, String reason) {
        /** The default: float32 rounding over sums of a few thousand terms. */
        public static final Tolerance DEFAULT = new Tolerance(1e-4,
                "float32 rounding accumulated over sums of up to a few thousand products");
    }
}
