package org.jconvnet.conformance;

import java.util.Objects;

/**
 * One line of the conformance report: a backend x layer x case x op and its outcome.
 *
 * @param backend   backend id ({@code reference} for checks of the CPU reference itself)
 * @param kind      which family of checks produced it: {@code layer-case}, {@code layout-probe},
 *                  {@code whole-net}, {@code gradient-check}, {@code golden}, {@code frozen-golden},
 *                  {@code backend}
 * @param layer     layer type (or layer name within a whole net)
 * @param caseName  case name
 * @param op        op compared, e.g. {@code forward}, {@code backward-input}, {@code backward-weights}
 * @param status    outcome
 * @param maxAbs    max absolute error, NaN when nothing was compared
 * @param maxRel    max absolute error over max |reference| (the suite's relative error), NaN when not measured
 * @param tolerance the effective relative tolerance, NaN when none applies
 * @param toleranceReason why the tolerance is what it is (the case's reason, or the backend policy's
 *                  override reason); empty when no tolerance applies
 * @param message   why it failed, was skipped or is expected to fail; for passes, a short note (may be empty)
 */
public record CheckResult(String backend, String kind, String layer, String caseName, String op, Status status,
                          double maxAbs, double maxRel, double tolerance, String toleranceReason, String message) {

    /** Checks the text fields are present. */
    public CheckResult {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(layer, "layer");
        Objects.requireNonNull(caseName, "caseName");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(status, "status");
        message = message == null ? "" : message;
        toleranceReason = toleranceReason == null ? "" : toleranceReason;
    }

    /** The id policy rules are matched against: {@code <layer>.<case>.<op>}. */
    public String checkId() {
        return layer + "." + caseName + "." + op;
    }

    /** A copy with another status and message (numbers kept). */
    public CheckResult withStatus(Status newStatus, String newMessage) {
        return new CheckResult(backend, kind, layer, caseName, op, newStatus, maxAbs, maxRel, tolerance, toleranceReason,
                newMessage);
    }

    /** One line for logs and assertion messages. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        sb.append(status).append(' ').append(backend).append(' ').append(kind).append(' ')
                .append(layer).append(' ').append(caseName).append(' ').append(op);
        if (!Double.isNaN(maxRel)) {
            sb.append(String.format(" rel-err=%.3g (rel-tol %.3g) abs-err=%.3g", maxRel, tolerance, maxAbs));
        }
        if (!message.isEmpty()) {
            sb.append(": ").append(message);
        }
        return sb.toString();
    }
}
