package org.jconvnet.layers.net;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jconvnet.api.config.ConfigException;
import org.jconvnet.api.config.ConfigSection;
import org.jconvnet.api.layer.Layer;

/**
 * Says where an input's size came from, so that a size problem found at a consumer names the
 * value that caused it: a {@code filters} count that does not fit the next layer's
 * {@code channels} is seen at the next layer, but the value to fix is in the layer that produced
 * the size.
 *
 * <p>The origin of a layer's size is, by type: the {@code filters} key of a layer that has one
 * (conv, local), the {@code outputs} key of an fc layer, the {@code dataIdx} of a data layer
 * (the provider's matrix); any other layer (neuron, pool, the normalisations, element-wise and
 * softmax layers, plugins without those keys) keeps its first input's channels, so the search
 * follows that input.
 */
final class SizeOrigin {
    private final Map<String, ConfigSection> sections;
    private final Map<String, Layer> configured;
    private final Map<String, List<String>> inputs;

    /**
     * @param sections   the definition sections, by layer name (after neuron detaching)
     * @param configured the layers configured so far
     * @param inputs     the input names of each configured layer
     */
    SizeOrigin(Map<String, ConfigSection> sections, Map<String, Layer> configured, Map<String, List<String>> inputs) {
        this.sections = sections;
        this.configured = configured;
        this.inputs = inputs;
    }

    /**
     * {@code e} with the origin of each input it names appended, when {@code e} is located at
     * {@code layer} itself; else {@code e} unchanged.
     */
    ConfigException explain(ConfigException e, String layer, List<String> layerInputs) {
        if (!layer.equals(e.section())) {
            return e;
        }
        StringBuilder extra = new StringBuilder();
        for (String in : layerInputs) {
            if (e.problem().contains("'" + in + "'")) {
                describe(in).ifPresent(d -> extra.append("; ").append(d));
            }
        }
        if (extra.length() == 0) {
            return e;
        }
        ConfigException explained = new ConfigException(e.file(), e.section(), e.key(), e.problem() + extra);
        explained.initCause(e);
        return explained;
    }

    /**
     * E.g. {@code 'pool1' has 10240 outputs (160 channels of 8x8); its 160 channels are set by [conv1] filters=160}.
     */
    Optional<String> describe(String name) {
        Layer l = configured.get(name);
        if (l == null) {
            return Optional.empty();
        }
        String size = "'" + name + "' has " + l.outputs() + " outputs";
        String set = l.outputImage().map(img -> size + " (" + img.channels() + " channels of " + img.size() + "x"
                + img.size() + "); its " + img.channels() + " channels are set by ").orElse(size + ", set by ");
        String at = name;
        for (int hops = 0; hops <= configured.size(); hops++) {
            ConfigSection s = sections.get(at);
            if (s == null) {
                return Optional.empty();
            }
            if (s.string("type", "").equals("data")) {
                return Optional.of(set + "the data provider's matrix [" + at + "] dataIdx=" + s.string("dataIdx", "?"));
            }
            for (String key : List.of("filters", "outputs")) {
                if (s.has(key)) {
                    return Optional.of(set + "[" + at + "] " + key + "=" + s.string(key)
                            + (s.has("groups") && key.equals("filters") ? " x groups=" + s.string("groups") : ""));
                }
            }
            List<String> from = inputs.getOrDefault(at, List.of());
            if (from.isEmpty()) {
                return Optional.empty();
            }
            at = from.get(0);
        }
        return Optional.empty();
    }
}
