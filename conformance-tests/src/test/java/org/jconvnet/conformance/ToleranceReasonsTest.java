package org.jconvnet.conformance;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jconvnet.api.backend.BackendRegistry;
import org.jconvnet.api.layer.LayerPluginRegistry;
import org.junit.jupiter.api.Test;

/** Every result held to a tolerance says why the tolerance is what it is, in every family of checks. */
class ToleranceReasonsTest {
    @Test
    void everyToleranceComesWithItsReason() {
        ClassLoader loader = getClass().getClassLoader();
        ConformanceOptions o = ConformanceOptions.defaults().withBackends(List.of("cpu")).withRequire(Set.of("cpu"));
        ConformanceReport report = new ConformanceRunner(o, BackendRegistry.discover(loader),
                LayerPluginRegistry.discover(loader)).run();
        assertFalse(report.failed(), report::summary);
        Set<String> kinds = new TreeSet<>();
        for (CheckResult r : report.results()) {
            if (!Double.isNaN(r.tolerance())) {
                assertFalse(r.toleranceReason().isBlank(), "no tolerance reason: " + r.describe());
                kinds.add(r.kind());
            }
        }
        assertTrue(kinds.containsAll(Set.of("layer-case", "layout-probe", "whole-net", "gradient-check")), kinds.toString());
    }
}
