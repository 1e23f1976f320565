package org.jconvnet.layers.net;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jconvnet.api.config.ConfigException;
import org.jconvnet.api.config.ConfigSection;
import org.jconvnet.api.layer.DataDims;
import org.jconvnet.api.layer.Layer;
import org.jconvnet.api.layer.LayerConfig;
import org.jconvnet.api.layer.LayerInput;
import org.jconvnet.api.layer.LayerPlugin;
import org.jconvnet.api.layer.LayerPluginRegistry;
import org.jconvnet.layers.cfg.CfgFile;
import org.jconvnet.layers.cfg.CfgReader;

/**
 * A parsed and validated net, independent of any backend (cuda-convnet.md §4.3 and §4.5): layers in
 * execution order (each {@code <name>_neuron} right after its layer), their wiring, and
 * cuda-convnet's start-up messages. Every problem is reported while loading, as a
 * {@link ConfigException} naming file, section and key.
 */
public final class NetDefinition {
    private final NetSource layerDef;
    private final NetSource layerParams;
    private final List<Layer> layers;
    private final Map<String, Layer> byName;
    private final Map<String, List<String>> inputs;
    private final Map<String, List<String>> consumers;
    private final List<String> initMessages;

    /**
     * How strictly to check a net.
     *
     * @param allowUnusedLayers accept non-cost layers no other layer consumes (cuda-convnet
     *                          refuses them; single-layer test nets need them)
     */
    public record Options(boolean allowUnusedLayers) {
        /** cuda-convnet's rules: an unused non-cost layer is an error. */
        public static Options strict() {
            return new Options(false);
        }

        /** Unused layers allowed: for test and probe nets that end in a non-cost layer. */
        public static Options allowingUnusedLayers() {
            return new Options(true);
        }
    }

    private NetDefinition(NetSource layerDef, NetSource layerParams, List<Layer> layers,
                          Map<String, List<String>> inputs, Map<String, List<String>> consumers,
                          List<String> initMessages) {
        this.layerDef = layerDef;
        this.layerParams = layerParams;
        this.layers = List.copyOf(layers);
        Map<String, Layer> map = new LinkedHashMap<>();
        layers.forEach(l -> map.put(l.name(), l));
        this.byName = Collections.unmodifiableMap(map);
        this.inputs = inputs;
        this.consumers = consumers;
        this.initMessages = List.copyOf(initMessages);
    }

    /**
     * Parses and validates a net.
     *
     * @param layerDef    the layer-definition file
     * @param layerParams the layer-parameter file
     * @param dims        the data provider's dimensions, for {@code type=data}
     * @param plugins     the layer plugins, by type
     * @param options     strictness
     * @throws ConfigException for any syntax, wiring, key or shape problem
     */
    public static NetDefinition load(NetSource layerDef, NetSource layerParams, DataDims dims,
                                     LayerPluginRegistry plugins, Options options) {
        CfgFile def = CfgReader.parse(layerDef.name(), layerDef.text());
        CfgFile params = CfgReader.parse(layerParams.name(), layerParams.text());
        if (def.sections().isEmpty()) {
            throw new ConfigException(layerDef.name(), null, null, "the layer-definition file has no sections");
        }
        // An unknown type is the first thing to say about a section: its other keys mean nothing without it.
        def.sections().forEach(plugins::forSection);
        checkWiring(def.sections());
        NeuronDetacher.Result detached = NeuronDetacher.detach(def.sections());

        Map<String, Layer> configured = new LinkedHashMap<>();
        Map<String, List<String>> inputs = new LinkedHashMap<>();
        Map<String, List<String>> consumers = new LinkedHashMap<>();
        Map<String, ConfigSection> sections = new LinkedHashMap<>();
        detached.ordered().forEach(s -> sections.put(s.name(), s));
        SizeOrigin origins = new SizeOrigin(sections, configured, inputs);
        for (ConfigSection section : detached.ordered()) {
            LayerPlugin plugin = plugins.forSection(section);
            List<String> names = inputNames(section);
            List<LayerInput> layerInputs = new ArrayList<>();
            for (String in : names) {
                Layer l = configured.get(in);
                layerInputs.add(new LayerInput(l.name(), l.type(), l.outputs(), l.outputImage()));
                List<String> c = consumers.get(in);
                if (!c.contains(section.name())) {
                    c.add(section.name());
                }
            }
            Optional<ConfigSection> paramSection = params.section(section.name());
            Layer layer;
            try {
                layer = plugin.configure(new LayerConfig(section, paramSection, layerParams.name(), layerInputs, dims));
            } catch (ConfigException e) {
                // A <L>_neuron layer exists only because [L] said neuron=...: point the user there.
                boolean generated = detached.detached().contains(section.name()) && section.name().equals(e.section());
                throw generated ? e.relocate(names.get(0), "neuron") : origins.explain(e, section.name(), names);
            }
            if (layer.outputs() <= 0) {
                // A plugin's size arithmetic went wrong; stop here rather than at the next layer.
                throw section.error("layer '" + section.name() + "' (type " + layer.type() + ") produces "
                        + layer.outputs() + " outputs per case; a layer must produce at least one");
            }
            configured.put(section.name(), layer);
            inputs.put(section.name(), List.copyOf(names));
            consumers.put(section.name(), new ArrayList<>());
        }
        if (!options.allowUnusedLayers()) {
            for (Layer l : configured.values()) {
                if (!l.isCost() && consumers.get(l.name()).isEmpty()) {
                    throw new ConfigException(layerDef.name(), l.name(), null, "layer '" + l.name()
                            + "' is unused: no later layer names it in inputs=, and only cost layers may end a net");
                }
            }
        }
        Map<String, List<String>> frozenConsumers = new LinkedHashMap<>();
        consumers.forEach((k, v) -> frozenConsumers.put(k, List.copyOf(v)));
        return new NetDefinition(layerDef, layerParams, new ArrayList<>(configured.values()),
                Collections.unmodifiableMap(inputs), Collections.unmodifiableMap(frozenConsumers),
                initMessages(configured, detached.detached()));
    }

    /** cuda-convnet's order: the file's layers as parsed, then the detached neuron layers. */
    private static List<String> initMessages(Map<String, Layer> configured, List<String> detached) {
        Set<String> neuronNames = new HashSet<>(detached);
        List<String> out = new ArrayList<>();
        for (Layer l : configured.values()) {
            if (!neuronNames.contains(l.name())) {
                out.add(l.initMessage());
            }
        }
        for (String n : detached) {
            out.add(configured.get(n).initMessage());
        }
        return out;
    }

    /** Every section has a type; {@code inputs} name only earlier sections, each once per position. */
    private static void checkWiring(List<ConfigSection> sections) {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < sections.size(); i++) {
            position.put(sections.get(i).name(), i);
        }
        for (int i = 0; i < sections.size(); i++) {
            ConfigSection s = sections.get(i);
            String type = s.string("type");
            if (type.equals("data")) {
                continue;
            }
            List<String> names = inputNames(s);
            if (names.isEmpty()) {
                throw s.error("inputs", "required key is missing: a '" + type + "' layer needs inputs=");
            }
            for (String in : names) {
                Integer at = position.get(in);
                if (at == null) {
                    throw s.error("inputs", "names '" + in + "', which is not a section of this file");
                }
                if (at >= i) {
                    throw s.error("inputs", "names '" + in + "', which is defined "
                            + (at == i ? "by this very section" : "later in the file")
                            + "; inputs= may only name earlier sections");
                }
            }
        }
    }

    private static List<String> inputNames(ConfigSection s) {
        if (s.string("type", "").equals("data") || !s.has("inputs")) {
            return List.of();
        }
        return s.stringList("inputs");
    }

    /** The layers in execution order ({@code <name>_neuron} right after {@code <name>}). */
    public List<Layer> layers() {
        return layers;
    }

    /**
     * The layer called {@code name}.
     *
     * @throws IllegalArgumentException naming the known layers when there is none
     */
    public Layer layer(String name) {
        Layer l = byName.get(name);
        if (l == null) {
            throw new IllegalArgumentException("no layer '" + name + "' in " + layerDef.name() + "; layers: "
                    + String.join(", ", byName.keySet()));
        }
        return l;
    }

    /** Whether the net has a layer called {@code name}. */
    public boolean has(String name) {
        return byName.containsKey(name);
    }

    /** The names of a layer's inputs, in order, after neuron rewiring. */
    public List<String> inputsOf(String layer) {
        layer(layer);
        return inputs.get(layer);
    }

    /** The names of the layers that take {@code layer} as an input, in execution order. */
    public List<String> consumersOf(String layer) {
        layer(layer);
        return consumers.get(layer);
    }

    /** cuda-convnet's "Initialized ..." lines, in its order: parsed layers, then the detached neuron layers. */
    public List<String> initMessages() {
        return initMessages;
    }

    /** The layer-definition file this net came from. */
    public NetSource layerDef() {
        return layerDef;
    }

    /** The layer-parameter file this net came from. */
    public NetSource layerParams() {
        return layerParams;
    }
}
