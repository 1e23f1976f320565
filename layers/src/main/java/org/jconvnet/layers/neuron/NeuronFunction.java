package org.jconvnet.layers.neuron;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jconvnet.api.layer.LayerConfig;

/**
 * A parsed {@code neuron=} value such as {@code relu}, {@code tanh[1.7159,0.6667]} or
 * {@code brelu[6]}, with the kernel's function code (docs/kernel-contracts.md, neuron).
 *
 * @param name the function name
 * @param code the kernel's {@code function} integer
 * @param a    first parameter (0 when unused)
 * @param b    second parameter (0 when unused)
 */
public record NeuronFunction(String name, int code, double a, double b) {

    /** The known functions, in kernel-code order, with their parameter names. */
    private static final String[][] KNOWN = {
        {"ident"}, {"relu"}, {"logistic"}, {"tanh", "a", "b"}, {"abs"}, {"square"}, {"sqrt"},
        {"linear", "a", "b"}, {"softrelu"}, {"brelu", "a"},
    };

    /** The known functions as users write them, e.g. {@code tanh[a,b]}. */
    public static List<String> known() {
        List<String> out = new ArrayList<>();
        for (String[] k : KNOWN) {
            out.add(k.length == 1 ? k[0] : k[0] + "[" + String.join(",", List.of(k).subList(1, k.length)) + "]");
        }
        return out;
    }

    /**
     * Parses {@code raw} (cuda-convnet's {@code name[v1,v2]} syntax).
     *
     * @throws org.jconvnet.api.config.ConfigException at key {@code neuron} for an unknown function,
     *                                                 a wrong parameter count or a bad parameter
     */
    public static NeuronFunction parse(LayerConfig c, String raw) {
        String v = raw.strip();
        int open = v.indexOf('[');
        String name = (open < 0 ? v : v.substring(0, open)).strip().toLowerCase(Locale.ROOT);
        List<Double> args = new ArrayList<>();
        if (open >= 0) {
            if (!v.endsWith("]")) {
                throw c.error("neuron", "unterminated parameter list in '" + raw + "'; write e.g. tanh[1.7159,0.6667]");
            }
            for (String s : v.substring(open + 1, v.length() - 1).split(",", -1)) {
                try {
                    args.add(Double.parseDouble(s.strip()));
                } catch (NumberFormatException e) {
                    throw c.error("neuron", "parameter '" + s.strip() + "' of '" + raw + "' is not a number");
                }
            }
        }
        for (int code = 0; code < KNOWN.length; code++) {
            if (!KNOWN[code][0].equals(name)) {
                continue;
            }
            int want = KNOWN[code].length - 1;
            if (args.size() != want) {
                throw c.error("neuron", "'" + name + "' takes " + want + " parameter(s) (" + known().get(code)
                        + "), got '" + raw + "'");
            }
            double a = want > 0 ? args.get(0) : 0;
            double b = want > 1 ? args.get(1) : 0;
            if (name.equals("tanh") && a == 0) {
                throw c.error("neuron", "tanh[a,b] needs a != 0, got '" + raw + "'");
            }
            if (name.equals("brelu") && a <= 0) {
                throw c.error("neuron", "brelu[a] needs a > 0, got '" + raw + "'");
            }
            return new NeuronFunction(name, code, a, b);
        }
        throw c.error("neuron", "unknown neuron '" + raw + "'; known: " + String.join(", ", known()));
    }
}
