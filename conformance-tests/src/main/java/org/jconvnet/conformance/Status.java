package org.jconvnet.conformance;

/** The outcome of one check after the backend's policy was applied. */
public enum Status {
    /** Within tolerance. */
    PASS,
    /** Outside tolerance, or the backend threw. */
    FAIL,
    /** Not run: the backend is unavailable, or its policy skips this check (with a reason). */
    SKIP,
    /** Failed, and the backend's policy expects it to fail (with a reason). */
    XFAIL,
    /** Passed although the backend's policy expects a failure: the policy is stale, so the run fails. */
    XPASS;

    /** Whether this outcome makes the run fail. */
    public boolean isFailure() {
        return this == FAIL || this == XPASS;
    }
}
