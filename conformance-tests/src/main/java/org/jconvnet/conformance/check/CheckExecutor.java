package org.jconvnet.conformance.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jconvnet.conformance.CheckResult;
import org.jconvnet.conformance.Status;
import org.jconvnet.conformance.policy.PolicyRule;

/**
 * Runs a check under the backend's policy: skipped ids are not run and are reported with the rule's
 * reason; expected failures are applied to what ran; a planned id the check did not report is a
 * failure, so a check cannot pass by saying nothing.
 */
public final class CheckExecutor {
    private CheckExecutor() {
    }

    /** Runs {@code check} in {@code ctx} and returns one result per planned id, in planned order. */
    public static List<CheckResult> execute(Check check, CheckContext ctx) {
        List<CheckId> planned = check.planned();
        Set<CheckId> skipped = new HashSet<>();
        Map<CheckId, CheckResult> byId = new HashMap<>();
        for (CheckId id : planned) {
            Optional<PolicyRule> skip = ctx.policy().skip(id.toString());
            if (skip.isPresent()) {
                skipped.add(id);
                byId.put(id, ctx.plain(check.kind(), id, Status.SKIP,
                        "skipped by " + ctx.backendId() + "'s policy (" + skip.get().reason() + ")"));
            }
        }
        if (skipped.size() < planned.size()) {
            try {
                for (CheckResult r : check.run(ctx, skipped)) {
                    CheckId id = new CheckId(r.layer(), r.caseName(), r.op());
                    if (!skipped.contains(id)) {
                        byId.put(id, r);
                    }
                }
            } catch (RuntimeException | Error e) {
                for (CheckId id : planned) {
                    if (!skipped.contains(id)) {
                        byId.put(id, ctx.error(check.kind(), id, e));
                    }
                }
            }
        }
        List<CheckResult> out = new ArrayList<>();
        for (CheckId id : planned) {
            CheckResult r = byId.get(id);
            if (r == null) {
                r = ctx.plain(check.kind(), id, Status.FAIL, "the check produced no result for this op");
            }
            out.add(skipped.contains(id) ? r : ctx.policy().applyExpectations(r));
        }
        return out;
    }
}
