package org.jconvnet.api.tensor;

import java.util.Locale;
import org.jconvnet.api.JConvNetException;

/** The element types a tensor can hold. cuda-convnet itself is float32 throughout. */
public enum DType {
    /** IEEE single precision: what training and every GPU kernel use. */
    FLOAT32("float32", 4),
    /** IEEE double precision: the CPU reference's oracle mode for gradient checks and conformance. */
    FLOAT64("float64", 8);

    private final String label;
    private final int bytes;

    DType(String label, int bytes) {
        this.label = label;
        this.bytes = bytes;
    }

    /**
     * The lower-case name used in configs, reports and kernel keys, e.g. {@code float32}.
     *
     * @return the lower-case name used in configs, reports and kernel keys, e.g. {@code float32}
     */
    public String label() {
        return label;
    }

    /** {@return bytes per element} */
    public int bytes() {
        return bytes;
    }

    /**
     * Parses {@code float32}/{@code f32}/{@code float64}/{@code f64}, case-insensitively.
     *
     * @param text the name, e.g. from a command-line option
     * @return the element type
     */
    public static DType parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        switch (t) {
            case "float32": case "f32": case "float":
                return FLOAT32;
            case "float64": case "f64": case "double":
                return FLOAT64;
            default:
                throw new JConvNetException("unknown dtype '" + text + "'; known: float32, float64");
        }
    }

    @Override
    public String toString() {
        return label;
    }
}
