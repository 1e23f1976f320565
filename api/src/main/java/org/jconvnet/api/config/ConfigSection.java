package org.jconvnet.api.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * One {@code [section]} of a cuda-convnet {@code .cfg} file, with typed getters that report errors
 * as {@link ConfigException}s naming file, section and key.
 *
 * <p>Follows cuda-convnet's Python 2 ConfigParser rules (cuda-convnet.md §4.2): option names are
 * case-insensitive; lists are comma-separated; booleans accept 1/yes/true/on and 0/no/false/off;
 * integers must be plain integers.
 */
public final class ConfigSection {
    private final String file;
    private final String name;
    private final Map<String, String> values;

    /**
     * Creates a section.
     *
     * @param file   the path of the file it came from, as the user named it
     * @param name   the section name (case-sensitive)
     * @param values raw values; keys are lower-cased here
     */
    public ConfigSection(String file, String name, Map<String, String> values) {
        this.file = file;
        this.name = name;
        Map<String, String> lower = new LinkedHashMap<>();
        values.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v.trim()));
        this.values = Collections.unmodifiableMap(lower);
    }

    /** {@return the file this section came from} */
    public String file() {
        return file;
    }

    /** {@return the section name} */
    public String name() {
        return name;
    }

    /** {@return the (lower-cased) keys present, in file order} */
    public Set<String> keys() {
        return values.keySet();
    }

    /** {@return the raw values by lower-cased key} */
    public Map<String, String> values() {
        return values;
    }

    /**
     * Whether {@code key} is present.
     *
     * @param key the key, in any case
     * @return whether {@code key} is present
     */
    public boolean has(String key) {
        return values.containsKey(norm(key));
    }

    /**
     * A copy of this section with {@code key} set to {@code value}.
     *
     * @param key the key, in any case
     * @param value its raw value
     * @return a copy of this section with {@code key} set to {@code value}
     */
    public ConfigSection with(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(norm(key), value);
        return new ConfigSection(file, name, copy);
    }

    /**
     * A copy of this section without {@code key}.
     *
     * @param key the key, in any case
     * @return a copy of this section without {@code key}
     */
    public ConfigSection without(String key) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.remove(norm(key));
        return new ConfigSection(file, name, copy);
    }

    /**
     * An error located at {@code key} of this section.
     *
     * @param key the key the problem is at
     * @param problem what is wrong
     * @return an error located at {@code key} of this section
     */
    public ConfigException error(String key, String problem) {
        return new ConfigException(file, name, key, problem);
    }

    /**
     * An error located at this section.
     *
     * @param problem what is wrong
     * @return an error located at this section
     */
    public ConfigException error(String problem) {
        return new ConfigException(file, name, null, problem);
    }

    /**
     * The raw value of {@code key}, if present.
     *
     * @param key the key, in any case
     * @return the raw value of {@code key}, if present
     */
    public Optional<String> optional(String key) {
        return Optional.ofNullable(values.get(norm(key)));
    }

    /**
     * The raw value of a required key.
     *
     * @param key the key, in any case
     * @return the raw value
     */
    public String string(String key) {
        return optional(key).orElseThrow(() -> error(key, "required key is missing"));
    }

    /**
     * The raw value, or {@code def}.
     *
     * @param key the key, in any case
     * @param def the value when the key is absent
     * @return the raw value, or {@code def}
     */
    public String string(String key, String def) {
        return optional(key).orElse(def);
    }

    /**
     * A required integer.
     *
     * @param key the key, in any case
     * @return the value
     */
    public int integer(String key) {
        return parseInt(key, string(key));
    }

    /**
     * An integer, or {@code def} when absent.
     *
     * @param key the key, in any case
     * @param def the value when the key is absent
     * @return the value, or {@code def}
     */
    public int integer(String key, int def) {
        return optional(key).map(v -> parseInt(key, v)).orElse(def);
    }

    /**
     * A required real.
     *
     * @param key the key, in any case
     * @return the value
     */
    public double real(String key) {
        return parseReal(key, string(key));
    }

    /**
     * A real, or {@code def} when absent.
     *
     * @param key the key, in any case
     * @param def the value when the key is absent
     * @return the value, or {@code def}
     */
    public double real(String key, double def) {
        return optional(key).map(v -> parseReal(key, v)).orElse(def);
    }

    /**
     * A boolean (1/yes/true/on, 0/no/false/off), or {@code def} when absent.
     *
     * @param key the key, in any case
     * @param def the value when the key is absent
     * @return the value, or {@code def}
     */
    public boolean bool(String key, boolean def) {
        return optional(key).map(v -> parseBool(key, v)).orElse(def);
    }

    /**
     * A required comma-separated list of integers.
     *
     * @param key the key, in any case
     * @return the values, in order
     */
    public List<Integer> intList(String key) {
        return list(key, string(key), v -> parseInt(key, v));
    }

    /**
     * A comma-separated list of integers, or {@code def} when absent.
     *
     * @param key the key, in any case
     * @param def the values when the key is absent
     * @return the values, in order, or {@code def}
     */
    public List<Integer> intList(String key, List<Integer> def) {
        return optional(key).map(v -> list(key, v, s -> parseInt(key, s))).orElse(def);
    }

    /**
     * A required comma-separated list of reals.
     *
     * @param key the key, in any case
     * @return the values, in order
     */
    public List<Double> realList(String key) {
        return list(key, string(key), v -> parseReal(key, v));
    }

    /**
     * A comma-separated list of reals, or {@code def} when absent.
     *
     * @param key the key, in any case
     * @param def the values when the key is absent
     * @return the values, in order, or {@code def}
     */
    public List<Double> realList(String key, List<Double> def) {
        return optional(key).map(v -> list(key, v, s -> parseReal(key, s))).orElse(def);
    }

    /**
     * A required comma-separated list of strings (blank entries are an error).
     *
     * @param key the key, in any case
     * @return the values, in order
     */
    public List<String> stringList(String key) {
        return list(key, string(key), s -> s);
    }

    /**
     * A comma-separated list of strings, or {@code def} when absent.
     *
     * @param key the key, in any case
     * @param def the values when the key is absent
     * @return the values, in order, or {@code def}
     */
    public List<String> stringList(String key, List<String> def) {
        return optional(key).map(v -> list(key, v, s -> s)).orElse(def);
    }

    /**
     * Checks that a per-input list has one entry per input, or a single entry that is repeated.
     * cuda-convnet requires exactly one per input; a single value for a one-input layer is that.
     *
     * @param <T> the element type
     * @param key the key the list was read from, for the error message
     * @param list the values read
     * @param inputs the layer's number of inputs
     * @return {@code list}, when its size is {@code inputs}
     */
    public <T> List<T> perInput(String key, List<T> list, int inputs) {
        if (list.size() != inputs) {
            throw error(key, "expected " + inputs + " comma-separated value(s), one per input, got " + list.size());
        }
        return list;
    }

    private <T> List<T> list(String key, String raw, Function<String, T> parse) {
        List<T> out = new ArrayList<>();
        for (String part : raw.split(",", -1)) {
            String p = part.trim();
            if (p.isEmpty()) {
                throw error(key, "empty entry in comma-separated list '" + raw + "'");
            }
            out.add(parse.apply(p));
        }
        return out;
    }

    private int parseInt(String key, String v) {
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            boolean tooLarge = v.trim().matches("[+-]?\\d+");
            throw error(key, "expected an integer, got '" + v + "'"
                    + (tooLarge ? ", which is beyond the integer limits " + Integer.MIN_VALUE + ".." + Integer.MAX_VALUE : ""));
        }
    }

    private double parseReal(String key, String v) {
        try {
            double d = Double.parseDouble(v.trim());
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw error(key, "expected a number, got '" + v + "'");
        }
    }

    private boolean parseBool(String key, String v) {
        switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "1": case "yes": case "true": case "on":
                return true;
            case "0": case "no": case "false": case "off":
                return false;
            default:
                throw error(key, "expected a boolean (1/yes/true/on or 0/no/false/off), got '" + v + "'");
        }
    }

    private static String norm(String key) {
        return key.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return file + " [" + name + "] " + values;
    }
}
