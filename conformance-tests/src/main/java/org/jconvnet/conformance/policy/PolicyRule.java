package org.jconvnet.conformance.policy;

import java.util.regex.Pattern;

/**
 * One rule of a backend's conformance policy.
 *
 * @param kind    skip, expected failure or tolerance override
 * @param pattern the check-id glob as written, {@code <layer>.<case>.<op>}, {@code *} matching any text
 * @param value   the relative tolerance for {@link Kind#TOLERANCE}; NaN otherwise
 * @param reason  why (mandatory)
 * @param source  the resource the rule came from, for messages
 */
public record PolicyRule(Kind kind, String pattern, double value, String reason, String source) {

    /** What a rule does. */
    public enum Kind {
        /** Do not run the check; report it as skipped. */
        SKIP("skip"),
        /** The check is known to fail; report the failure as expected, and a pass as a failure. */
        XFAIL("xfail"),
        /** Use this relative tolerance instead of the case's. */
        TOLERANCE("tolerance");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        /** The key prefix in the properties file. */
        public String prefix() {
            return prefix;
        }
    }

    /** Whether this rule applies to the check id {@code <layer>.<case>.<op>}. */
    public boolean matches(String checkId) {
        return toRegex(pattern).matcher(checkId).matches();
    }

    /** How specific the pattern is: literal characters count, so the most specific rule wins. */
    public int specificity() {
        return pattern.replace("*", "").length();
    }

    /** The properties key this rule was written as. */
    public String key() {
        return kind.prefix() + "." + pattern;
    }

    private static Pattern toRegex(String glob) {
        String[] parts = glob.split("\\*", -1);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                sb.append(".*");
            }
            if (!parts[i].isEmpty()) {
                sb.append(Pattern.quote(parts[i]));
            }
        }
        return Pattern.compile(sb.toString());
    }
}
