package org.jconvnet.conformance.check;

import java.util.List;
import org.jconvnet.conformance.CheckResult;

/**
 * One unit of conformance work (usually one case on one backend). It says up front which results it
 * will produce, so that skips can be decided without running it and test reports can list it.
 */
public interface Check {

    /** The family, e.g. {@code layer-case}; see {@link CheckResult#kind()}. */
    String kind();

    /** A short display name, e.g. {@code conv stride2-pad0}. */
    String title();

    /** The results this check will produce. */
    List<CheckId> planned();

    /**
     * Runs the check. Returns one result per planned id that is not in {@code skipped}; a problem
     * (an exception from the backend, say) is a failed result, never a thrown exception.
     */
    List<CheckResult> run(CheckContext ctx, java.util.Set<CheckId> skipped);
}
