package org.jconvnet.cli.fuzz;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@code .cfg} file as lines, with the edits the corpus makes: set, remove or repeat a key,
 * remove or repeat a section, insert a line. Reads only the simple {@code key=value} lines of the
 * shipped files (no continuation lines), which is all the corpus starts from.
 */
final class CfgText {
    private final List<String> lines;

    CfgText(String text) {
        this.lines = new ArrayList<>(List.of(text.split("\n", -1)));
    }

    private CfgText(List<String> lines) {
        this.lines = new ArrayList<>(lines);
    }

    String text() {
        return String.join("\n", lines);
    }

    /** Section names in file order. */
    List<String> sections() {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            if (l.startsWith("[") && l.indexOf(']') > 1) {
                out.add(l.substring(1, l.indexOf(']')));
            }
        }
        return out;
    }

    private int header(String section) {
        int at = lines.indexOf("[" + section + "]");
        if (at < 0) {
            throw new IllegalArgumentException("no section " + section);
        }
        return at;
    }

    /** One past the section's last line (the next header or the end). */
    private int end(String section) {
        for (int i = header(section) + 1; i < lines.size(); i++) {
            if (lines.get(i).startsWith("[")) {
                return i;
            }
        }
        return lines.size();
    }

    /** The section's keys (lower-cased) and their values, in file order. */
    Map<String, String> keys(String section) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = header(section) + 1; i < end(section); i++) {
            String l = lines.get(i);
            int eq = l.indexOf('=');
            if (eq > 0 && !l.startsWith("#")) {
                out.put(l.substring(0, eq).trim().toLowerCase(Locale.ROOT), l.substring(eq + 1).trim());
            }
        }
        return out;
    }

    private int keyLine(String section, String key) {
        for (int i = header(section) + 1; i < end(section); i++) {
            String l = lines.get(i);
            int eq = l.indexOf('=');
            if (eq > 0 && l.substring(0, eq).trim().equalsIgnoreCase(key)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no key " + key + " in " + section);
    }

    CfgText set(String section, String key, String value) {
        CfgText c = new CfgText(lines);
        int at = c.keyLine(section, key);
        String l = c.lines.get(at);
        c.lines.set(at, l.substring(0, l.indexOf('=') + 1) + value);
        return c;
    }

    CfgText remove(String section, String key) {
        CfgText c = new CfgText(lines);
        c.lines.remove(c.keyLine(section, key));
        return c;
    }

    CfgText repeatKey(String section, String key) {
        CfgText c = new CfgText(lines);
        int at = c.keyLine(section, key);
        c.lines.add(at + 1, c.lines.get(at));
        return c;
    }

    CfgText removeSection(String section) {
        CfgText c = new CfgText(lines);
        c.lines.subList(c.header(section), c.end(section)).clear();
        return c;
    }

    CfgText emptySection(String section) {
        CfgText c = new CfgText(lines);
        c.lines.subList(c.header(section) + 1, c.end(section)).clear();
        return c;
    }

    CfgText repeatSection(String section) {
        CfgText c = new CfgText(lines);
        c.lines.add("");
        c.lines.addAll(lines.subList(header(section), end(section)));
        return c;
    }

    /** Inserts {@code line} as the first line of {@code section}'s body. */
    CfgText insert(String section, String line) {
        CfgText c = new CfgText(lines);
        c.lines.add(c.header(section) + 1, line);
        return c;
    }

    CfgText prepend(String text) {
        CfgText c = new CfgText(lines);
        c.lines.add(0, text);
        return c;
    }
}
