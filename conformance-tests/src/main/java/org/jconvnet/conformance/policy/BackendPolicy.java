package org.jconvnet.conformance.policy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.conformance.CheckResult;
import org.jconvnet.conformance.Status;

/**
 * A backend's own conformance rules, read from every
 * {@code META-INF/jconvnet/conformance-<id>.properties} resource on the class path:
 *
 * <pre>
 * skip.&lt;layer&gt;.&lt;case&gt;.&lt;op&gt;=reason
 * xfail.&lt;layer&gt;.&lt;case&gt;.&lt;op&gt;=reason
 * tolerance.&lt;layer&gt;.&lt;case&gt;.&lt;op&gt;=relative tolerance;reason
 * </pre>
 *
 * <p>The part after the prefix is a glob over the check id {@code <layer>.<case>.<op>} in which
 * {@code *} matches any text (dots included, so {@code cost.logreg} needs no escaping). When several
 * rules of one kind match, the most specific (most literal characters) wins. Every rule needs a
 * reason; a malformed rule is an error naming the resource and the key.
 */
public final class BackendPolicy {
    private final String backendId;
    private final List<PolicyRule> rules;

    private BackendPolicy(String backendId, List<PolicyRule> rules) {
        this.backendId = backendId;
        this.rules = List.copyOf(rules);
    }

    /** The resource name a backend ships its rules in. */
    public static String resourceName(String backendId) {
        return "META-INF/jconvnet/conformance-" + backendId + ".properties";
    }

    /** A policy with no rules. */
    public static BackendPolicy none(String backendId) {
        return new BackendPolicy(backendId, List.of());
    }

    /**
     * Reads every {@link #resourceName} resource for {@code backendId} visible to {@code loader}.
     *
     * @throws JConvNetException naming the resource and key of a malformed rule
     */
    public static BackendPolicy load(String backendId, ClassLoader loader) {
        List<PolicyRule> rules = new ArrayList<>();
        String name = resourceName(backendId);
        try {
            Enumeration<URL> urls = loader.getResources(name);
            for (URL url : Collections.list(urls)) {
                try (InputStream in = url.openStream();
                     Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                    Properties p = new Properties();
                    p.load(r);
                    rules.addAll(parse(url.toString(), p));
                }
            }
        } catch (IOException e) {
            throw new JConvNetException("cannot read " + name + ": " + e.getMessage(), e);
        }
        return new BackendPolicy(backendId, rules);
    }

    /** Builds a policy from properties (tests, embedding code). */
    public static BackendPolicy of(String backendId, String source, Properties props) {
        return new BackendPolicy(backendId, parse(source, props));
    }

    private static List<PolicyRule> parse(String source, Properties props) {
        List<PolicyRule> out = new ArrayList<>();
        for (String key : new TreeSet<>(props.stringPropertyNames())) {
            String value = props.getProperty(key).trim();
            PolicyRule.Kind kind = kindOf(source, key);
            String pattern = key.substring(kind.prefix().length() + 1);
            if (pattern.isBlank()) {
                throw error(source, key, "names no check; write " + kind.prefix() + ".<layer>.<case>.<op>");
            }
            if (kind == PolicyRule.Kind.TOLERANCE) {
                int semi = value.indexOf(';');
                if (semi < 0) {
                    throw error(source, key, "needs 'value;reason', got '" + value + "'");
                }
                double tol;
                try {
                    tol = Double.parseDouble(value.substring(0, semi).trim());
                } catch (NumberFormatException e) {
                    throw error(source, key, "tolerance '" + value.substring(0, semi).trim() + "' is not a number");
                }
                if (!(tol > 0) || Double.isInfinite(tol)) {
                    throw error(source, key, "tolerance must be a positive finite number, got " + tol);
                }
                out.add(new PolicyRule(kind, pattern, tol, requireReason(source, key, value.substring(semi + 1)), source));
            } else {
                out.add(new PolicyRule(kind, pattern, Double.NaN, requireReason(source, key, value), source));
            }
        }
        return out;
    }

    private static PolicyRule.Kind kindOf(String source, String key) {
        for (PolicyRule.Kind k : PolicyRule.Kind.values()) {
            if (key.startsWith(k.prefix() + ".")) {
                return k;
            }
        }
        throw error(source, key, "unknown rule; keys start with skip., xfail. or tolerance.");
    }

    private static String requireReason(String source, String key, String reason) {
        String r = reason.trim();
        if (r.isEmpty()) {
            throw error(source, key, "has no reason; every skip, xfail and tolerance rule must say why");
        }
        return r;
    }

    private static JConvNetException error(String source, String key, String problem) {
        return new JConvNetException("conformance policy " + source + ", key '" + key + "': " + problem);
    }

    /** The backend these rules belong to. */
    public String backendId() {
        return backendId;
    }

    /** All rules. */
    public List<PolicyRule> rules() {
        return rules;
    }

    /** The most specific rule of {@code kind} matching {@code checkId}. */
    public Optional<PolicyRule> find(PolicyRule.Kind kind, String checkId) {
        return rules.stream()
                .filter(r -> r.kind() == kind && r.matches(checkId))
                .max(Comparator.comparingInt(PolicyRule::specificity));
    }

    /** The skip rule for a check, if any. */
    public Optional<PolicyRule> skip(String checkId) {
        return find(PolicyRule.Kind.SKIP, checkId);
    }

    /** The tolerance this backend is held to for a check: its override, else the case's. */
    public double tolerance(String checkId, double caseTolerance) {
        return find(PolicyRule.Kind.TOLERANCE, checkId).map(PolicyRule::value).orElse(caseTolerance);
    }

    /** The tolerance override for a check, if any (to cite its reason). */
    public Optional<PolicyRule> toleranceRule(String checkId) {
        return find(PolicyRule.Kind.TOLERANCE, checkId);
    }

    /**
     * Applies the expected-failure rules: a failure covered by an xfail rule becomes {@link Status#XFAIL};
     * a pass covered by one becomes {@link Status#XPASS}, which fails the run, so stale rules are noticed.
     */
    public CheckResult applyExpectations(CheckResult r) {
        Optional<PolicyRule> x = find(PolicyRule.Kind.XFAIL, r.checkId());
        if (x.isEmpty()) {
            return r;
        }
        PolicyRule rule = x.get();
        if (r.status() == Status.FAIL) {
            return r.withStatus(Status.XFAIL, "expected failure (" + rule.reason() + "): " + r.message());
        }
        if (r.status() == Status.PASS) {
            return r.withStatus(Status.XPASS, "expected to fail (" + rule.reason() + ") but passed: remove '"
                    + rule.key() + "' from " + rule.source());
        }
        return r;
    }
}
