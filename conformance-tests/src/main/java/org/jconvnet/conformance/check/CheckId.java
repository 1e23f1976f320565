package org.jconvnet.conformance.check;

/**
 * Names one result a check produces; policies match {@link #toString()}, {@code <layer>.<case>.<op>}.
 *
 * @param layer    layer type, or layer name within a whole net
 * @param caseName case name
 * @param op       op name
 */
public record CheckId(String layer, String caseName, String op) {
    @Override
    public String toString() {
        return layer + "." + caseName + "." + op;
    }
}
