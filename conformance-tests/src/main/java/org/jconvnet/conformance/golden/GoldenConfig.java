package org.jconvnet.conformance.golden;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A golden case's {@code config.ini}, split the way its README describes: {@code [case]} is
 * metadata, {@code [<layer>:params]} sections belong to the layer-parameter file, every other section
 * to the layer-definition file. Weight layers without a parameter section get neutral learning
 * parameters, because cuda-convnet's parser requires that section and forward passes ignore it.
 */
public final class GoldenConfig {
    private final Map<String, Map<String, String>> sections = new LinkedHashMap<>();
    private final StringBuilder layers = new StringBuilder();
    private final StringBuilder params = new StringBuilder();

    private GoldenConfig() {
    }

    /** Splits {@code text}. */
    public static GoldenConfig parse(String text) {
        GoldenConfig g = new GoldenConfig();
        String current = null;
        StringBuilder target = null;
        for (String raw : text.split("\r?\n")) {
            String line = raw.strip();
            if (line.startsWith("[") && line.endsWith("]")) {
                current = line.substring(1, line.length() - 1).trim();
                g.sections.put(current, new LinkedHashMap<>());
                if (current.equals("case")) {
                    target = null;
                } else if (current.endsWith(":params")) {
                    target = g.params;
                    target.append('[').append(current, 0, current.length() - ":params".length()).append("]\n");
                } else {
                    target = g.layers;
                    target.append('[').append(current).append("]\n");
                }
                continue;
            }
            if (current != null && !line.isEmpty() && !line.startsWith("#") && !line.startsWith(";")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    g.sections.get(current).put(line.substring(0, eq).trim().toLowerCase(Locale.ROOT),
                            line.substring(eq + 1).trim());
                }
            }
            if (target != null) {
                target.append(raw).append('\n');
            }
        }
        g.addMissingLearningParams();
        return g;
    }

    private void addMissingLearningParams() {
        for (Map.Entry<String, Map<String, String>> e : sections.entrySet()) {
            String type = e.getValue().getOrDefault("type", "");
            if (!(type.equals("conv") || type.equals("local") || type.equals("fc"))
                    || sections.containsKey(e.getKey() + ":params")) {
                continue;
            }
            int inputs = e.getValue().getOrDefault("inputs", "").split(",").length;
            String perInput = String.join(",", java.util.Collections.nCopies(inputs, "0.001"));
            String zeros = String.join(",", java.util.Collections.nCopies(inputs, "0"));
            params.append('[').append(e.getKey()).append("]\nepsW=").append(perInput).append("\nepsB=0.002\nmomW=")
                    .append(zeros).append("\nmomB=0\nwc=").append(zeros).append("\n\n");
        }
    }

    /** The layer-definition text. */
    public String layersCfg() {
        return layers.toString();
    }

    /** The layer-parameter text. */
    public String paramsCfg() {
        return params.toString();
    }

    /** A key of a section ({@code case} for the metadata), or null. */
    public String get(String section, String key) {
        Map<String, String> s = sections.get(section);
        return s == null ? null : s.get(key.toLowerCase(Locale.ROOT));
    }

    /** The sections of {@code type=data}, as (section name, dataIdx), in file order. */
    public List<Map.Entry<String, Integer>> dataSections() {
        List<Map.Entry<String, Integer>> out = new ArrayList<>();
        sections.forEach((name, kv) -> {
            if ("data".equals(kv.get("type"))) {
                out.add(Map.entry(name, Integer.parseInt(kv.getOrDefault("dataidx", "0"))));
            }
        });
        return out;
    }
}
