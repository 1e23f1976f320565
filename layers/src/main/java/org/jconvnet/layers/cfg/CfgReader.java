package org.jconvnet.layers.cfg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jconvnet.api.config.ConfigException;
import org.jconvnet.api.config.ConfigSection;

/**
 * Reads cuda-convnet's {@code .cfg} files the way its Python 2 {@code SafeConfigParser} does
 * (cuda-convnet.md §4.2), so the original files are accepted verbatim.
 *
 * <ul>
 *   <li>{@code [name]} starts a section (section names are case-sensitive; text after the closing
 *       bracket is ignored, as Python's header pattern only matches the bracketed part);</li>
 *   <li>{@code key=value} or {@code key: value}; option names are lower-cased;</li>
 *   <li>lines whose first character is {@code #} or {@code ;}, or whose first word is {@code rem},
 *       are comments; blank lines are skipped;</li>
 *   <li>an inline comment is stripped only when the <em>first</em> {@code ;} of the value is
 *       preceded by whitespace (Python 2 checks only that one);</li>
 *   <li>a line starting with whitespace continues the previous value (joined with a newline);</li>
 *   <li>a value of exactly {@code ""} is the empty string;</li>
 *   <li>{@code %%} is a literal {@code %} and {@code %(key)s} is the value of another key of the
 *       same section (or of {@code [DEFAULT]}); any other {@code %} is an error;</li>
 *   <li>{@code [DEFAULT]} is not a section of its own: its keys are defaults of every section.</li>
 * </ul>
 *
 * <p>Where Python 2 is silently lenient, this reader refuses with a located error instead: a
 * section defined twice (Python would merge the two) and a key given twice in one section
 * (Python would keep the last). Both are almost always typos in a net definition.
 */
public final class CfgReader {
    private static final String DEFAULT_SECTION = "DEFAULT";
    private static final int MAX_INTERPOLATION_DEPTH = 10;

    private CfgReader() {
    }

    /**
     * Parses {@code text}.
     *
     * @param file the file name for error messages
     * @param text the whole file
     * @throws ConfigException naming file, section and line for a duplicate section or key, a line
     *                         outside any section, a malformed line or a bad {@code %}
     */
    public static CfgFile parse(String file, String text) {
        Map<String, Map<String, String>> raw = new LinkedHashMap<>();
        Map<String, Integer> headerLines = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> keyLines = new LinkedHashMap<>();
        String section = null;
        String option = null;
        String[] lines = text.split("\r\n|\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int lineNo = i + 1;
            if (line.isBlank() || line.charAt(0) == '#' || line.charAt(0) == ';' || isRem(line)) {
                continue;
            }
            if (Character.isWhitespace(line.charAt(0)) && section != null && option != null) {
                Map<String, String> values = raw.get(section);
                values.put(option, values.get(option) + "\n" + line.strip());
                continue;
            }
            String header = header(line);
            if (header != null) {
                if (raw.containsKey(header)) {
                    throw new ConfigException(file, header, null, "line " + lineNo + ": section [" + header
                            + "] is defined twice (first on line " + headerLines.get(header) + ")");
                }
                raw.put(header, new LinkedHashMap<>());
                headerLines.put(header, lineNo);
                keyLines.put(header, new LinkedHashMap<>());
                section = header;
                option = null;
                continue;
            }
            if (section == null) {
                throw new ConfigException(file, null, null, "line " + lineNo
                        + ": '" + line.strip() + "' is outside any section; a file must start with a [section] header");
            }
            int sep = separator(line);
            if (sep < 0) {
                throw new ConfigException(file, section, null, "line " + lineNo + ": malformed line '" + line.strip()
                        + "'; expected key=value, key: value, a [section] header or a comment");
            }
            String key = line.substring(0, sep).strip().toLowerCase(Locale.ROOT);
            String value = stripInlineComment(line.substring(sep + 1)).strip();
            if (value.equals("\"\"")) {
                value = "";
            }
            Map<String, Integer> seen = keyLines.get(section);
            if (seen.containsKey(key)) {
                throw new ConfigException(file, section, key, "line " + lineNo + ": key given twice in this section (first on line "
                        + seen.get(key) + ")");
            }
            seen.put(key, lineNo);
            raw.get(section).put(key, value);
            option = key;
        }
        return build(file, raw, headerLines);
    }

    private static CfgFile build(String file, Map<String, Map<String, String>> raw, Map<String, Integer> headerLines) {
        Map<String, String> defaults = raw.getOrDefault(DEFAULT_SECTION, Map.of());
        List<ConfigSection> sections = new ArrayList<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, String>> e : raw.entrySet()) {
            if (e.getKey().equals(DEFAULT_SECTION)) {
                continue;
            }
            Map<String, String> merged = new LinkedHashMap<>(e.getValue());
            defaults.forEach(merged::putIfAbsent);
            Map<String, String> resolved = new LinkedHashMap<>();
            for (Map.Entry<String, String> kv : merged.entrySet()) {
                resolved.put(kv.getKey(), interpolate(file, e.getKey(), kv.getKey(), kv.getValue(), merged, 0));
            }
            sections.add(new ConfigSection(file, e.getKey(), resolved));
            lines.put(e.getKey(), headerLines.get(e.getKey()));
        }
        return new CfgFile(file, sections, lines);
    }

    /** Python 2 skips lines whose first word is "rem" (any case) when the line starts with it. */
    private static boolean isRem(String line) {
        char c = line.charAt(0);
        if (c != 'r' && c != 'R') {
            return false;
        }
        String first = line.strip().split("\\s+", 2)[0];
        return first.equalsIgnoreCase("rem");
    }

    /** The header name when the line starts with {@code [name]}, else null. */
    private static String header(String line) {
        if (line.charAt(0) != '[') {
            return null;
        }
        int close = line.indexOf(']', 1);
        if (close <= 1) {
            return null;
        }
        return line.substring(1, close);
    }

    /**
     * Index of the first {@code =} or {@code :} when the line is an option line (a name that does
     * not start with whitespace, {@code :} or {@code =}), else -1.
     */
    private static int separator(String line) {
        char c = line.charAt(0);
        if (Character.isWhitespace(c) || c == ':' || c == '=') {
            return -1;
        }
        for (int i = 1; i < line.length(); i++) {
            char d = line.charAt(i);
            if (d == '=' || d == ':') {
                return i;
            }
        }
        return -1;
    }

    /** Strips {@code ;...} when the first {@code ;} of the value follows whitespace. */
    private static String stripInlineComment(String value) {
        int pos = value.indexOf(';');
        if (pos > 0 && Character.isWhitespace(value.charAt(pos - 1))) {
            return value.substring(0, pos);
        }
        return value;
    }

    private static String interpolate(String file, String section, String key, String value,
                                      Map<String, String> values, int depth) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        if (depth > MAX_INTERPOLATION_DEPTH) {
            throw new ConfigException(file, section, key, "value references itself through %(...)s more than "
                    + MAX_INTERPOLATION_DEPTH + " levels deep");
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c != '%') {
                out.append(c);
                i++;
                continue;
            }
            if (i + 1 < value.length() && value.charAt(i + 1) == '%') {
                out.append('%');
                i += 2;
                continue;
            }
            int close = value.indexOf(")s", i);
            if (i + 1 < value.length() && value.charAt(i + 1) == '(' && close > 0) {
                String ref = value.substring(i + 2, close).toLowerCase(Locale.ROOT);
                String target = values.get(ref);
                if (target == null) {
                    throw new ConfigException(file, section, key, "'%(" + ref + ")s' names no key of this section");
                }
                out.append(interpolate(file, section, ref, target, values, depth + 1));
                i = close + 2;
                continue;
            }
            throw new ConfigException(file, section, key, "'%' must be written '%%' (or be '%(key)s'), in '" + value + "'");
        }
        return out.toString();
    }
}
