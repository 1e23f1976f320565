package org.jconvnet.layers.net;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jconvnet.api.config.ConfigSection;

/**
 * cuda-convnet's {@code neuron=} shorthand (cuda-convnet.md §4.5): for each layer L with
 * {@code neuron=<type>}, a layer {@code L_neuron} (or {@code L_neuron.1}, {@code .2}, ... when the
 * name is taken) of {@code type=neuron} is inserted right after L, and every later layer that
 * named L in {@code inputs=} is rewired to it. L keeps its pre-activation output. Data layers and
 * {@code neuron} layers keep their {@code neuron} key (it is not the shorthand there); cost layers
 * drop it silently, as cuda-convnet does.
 */
final class NeuronDetacher {

    /**
     * The sections after detaching.
     *
     * @param ordered  execution order, each {@code L_neuron} right after its L
     * @param detached the names of the inserted neuron layers, in insertion order
     */
    record Result(List<ConfigSection> ordered, List<String> detached) {
    }

    private NeuronDetacher() {
    }

    static Result detach(List<ConfigSection> parsed) {
        Set<String> taken = new HashSet<>();
        parsed.forEach(s -> taken.add(s.name()));
        List<ConfigSection> out = new ArrayList<>();
        List<String> detached = new ArrayList<>();
        Map<String, String> renamed = new LinkedHashMap<>();
        for (ConfigSection original : parsed) {
            ConfigSection s = rewire(original, renamed);
            String type = s.string("type", "");
            String neuron = s.string("neuron", "");
            if (type.startsWith("cost.")) {
                out.add(s.without("neuron"));
                continue;
            }
            if (neuron.isEmpty() || type.equals("data") || type.equals("neuron")) {
                out.add(s);
                continue;
            }
            String name = freeName(s.name() + "_neuron", taken);
            taken.add(name);
            out.add(s.without("neuron"));
            Map<String, String> values = new LinkedHashMap<>();
            values.put("type", "neuron");
            values.put("inputs", s.name());
            values.put("neuron", neuron);
            out.add(new ConfigSection(s.file(), name, values));
            detached.add(name);
            renamed.put(s.name(), name);
        }
        return new Result(out, detached);
    }

    private static String freeName(String base, Set<String> taken) {
        if (!taken.contains(base)) {
            return base;
        }
        for (int i = 1; ; i++) {
            String candidate = base + "." + i;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    private static ConfigSection rewire(ConfigSection s, Map<String, String> renamed) {
        if (renamed.isEmpty() || !s.has("inputs")) {
            return s;
        }
        List<String> inputs = new ArrayList<>();
        boolean changed = false;
        for (String in : s.string("inputs").split(",", -1)) {
            String name = in.strip();
            String to = renamed.get(name);
            if (to != null) {
                changed = true;
                name = to;
            }
            inputs.add(name);
        }
        return changed ? s.with("inputs", String.join(",", inputs)) : s;
    }
}
