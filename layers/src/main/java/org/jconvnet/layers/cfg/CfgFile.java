package org.jconvnet.layers.cfg;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jconvnet.api.config.ConfigSection;

/**
 * A parsed {@code .cfg} file: its sections in file order, each with the line its header is on.
 *
 * @param name     the file name used in error messages
 * @param sections the sections, in file order ({@code [DEFAULT]} already merged into each)
 * @param lines    the header line of each section, by section name
 */
public record CfgFile(String name, List<ConfigSection> sections, Map<String, Integer> lines) {

    /** Copies the collections. */
    public CfgFile {
        sections = List.copyOf(sections);
        lines = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(lines));
    }

    /** The section called {@code section} (case-sensitive, as in ConfigParser). */
    public Optional<ConfigSection> section(String section) {
        for (ConfigSection s : sections) {
            if (s.name().equals(section)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** The section names in file order. */
    public List<String> names() {
        return sections.stream().map(ConfigSection::name).toList();
    }
}
