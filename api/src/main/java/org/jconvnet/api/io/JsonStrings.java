package org.jconvnet.api.io;

/**
 * Quoting of strings for the JSON that modules write by hand (training metrics, conformance
 * reports), so every writer escapes the same way.
 */
public final class JsonStrings {
    private JsonStrings() {
    }

    /**
     * {@code s} as a JSON string literal: in double quotes, with {@code "} and {@code \} escaped,
     * newline, carriage return and tab as {@code \n}, {@code \r}, {@code \t}, and the other control
     * characters below U+0020 as {@code \}{@code uXXXX}; everything else is copied unchanged.
     *
     * @param s the text, not null
     * @return the quoted literal
     */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.append('"').toString();
    }
}
