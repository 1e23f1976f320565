package org.jconvnet.conformance;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything one conformance run found: per-backend outcomes and one result per check. */
public final class ConformanceReport {
    private final List<BackendOutcome> backends = new ArrayList<>();
    private final List<CheckResult> results = new ArrayList<>();

    /** Records a backend's outcome. */
    public synchronized void addBackend(BackendOutcome outcome) {
        backends.add(outcome);
    }

    /** Records a check result. */
    public synchronized void add(CheckResult result) {
        results.add(result);
    }

    /** Records several results. */
    public synchronized void addAll(List<CheckResult> list) {
        results.addAll(list);
    }

    /** The backends, in the order they were run. */
    public synchronized List<BackendOutcome> backends() {
        return List.copyOf(backends);
    }

    /** All results, in the order they were produced. */
    public synchronized List<CheckResult> results() {
        return List.copyOf(results);
    }

    /** The results that fail the run (failures and unexpected passes). */
    public synchronized List<CheckResult> failures() {
        return results.stream().filter(r -> r.status().isFailure()).toList();
    }

    /** Whether the run failed. */
    public boolean failed() {
        return !failures().isEmpty();
    }

    /** Counts per status, for one backend (or all when {@code backend} is null). */
    public synchronized Map<Status, Integer> counts(String backend) {
        Map<Status, Integer> m = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            m.put(s, 0);
        }
        for (CheckResult r : results) {
            if (backend == null || r.backend().equals(backend)) {
                m.merge(r.status(), 1, Integer::sum);
            }
        }
        return m;
    }

    /** Counts per status for every backend that has results, in first-seen order. */
    public synchronized Map<String, Map<Status, Integer>> countsByBackend() {
        Map<String, Map<Status, Integer>> out = new LinkedHashMap<>();
        for (CheckResult r : results) {
            out.computeIfAbsent(r.backend(), this::counts);
        }
        return out;
    }

    /** One line per backend: {@code cpu: 120 pass, 0 fail, 2 skip, 1 xfail, 0 xpass}. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        countsByBackend().forEach((id, c) -> sb.append(String.format("%s: %d pass, %d fail, %d skip, %d xfail, %d xpass%n",
                id, c.get(Status.PASS), c.get(Status.FAIL), c.get(Status.SKIP), c.get(Status.XFAIL), c.get(Status.XPASS))));
        Map<Status, Integer> all = counts(null);
        sb.append(String.format("conformance %s: %d checks, %d failure(s)%n", failed() ? "FAILED" : "PASSED",
                results().size(), all.get(Status.FAIL) + all.get(Status.XPASS)));
        return sb.toString();
    }
}
