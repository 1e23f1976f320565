package org.jconvnet.cli.train;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.jconvnet.train.TrainingJob;

/** The lines a command prints about a finished run, in words and numbers rather than Java's {@code toString}. */
final class ResultLine {
    private ResultLine() {
    }

    /**
     * {@code train}'s last line: where the run ended (cuda-convnet's epoch.batch), how many batches
     * this run trained, the last test and where the checkpoints are.
     */
    static String finished(TrainingJob.Result r) {
        return "finished at " + r.epoch() + "." + r.batchNum() + " (epoch " + r.epoch() + ", batch " + r.batchNum()
                + "), " + r.batchesTrained() + " batch" + (r.batchesTrained() == 1 ? "" : "es") + " trained in this run; "
                + "last test: " + costs(r.lastTest()) + "; checkpoints in " + r.saveDir();
    }

    /**
     * Test costs as cuda-convnet users read them: {@code logprob 2.2649, error 83.0%} for a
     * logistic-regression cost (its second value is the error rate), the plain values otherwise.
     */
    static String costs(Map<String, List<Double>> costs) {
        if (costs.isEmpty()) {
            return "none";
        }
        StringJoiner all = new StringJoiner("; ");
        costs.forEach((name, values) -> {
            StringBuilder sb = new StringBuilder(name);
            for (int i = 0; i < values.size(); i++) {
                sb.append(i == 0 ? " " : ", ");
                if (i == 1 && values.size() == 2) {
                    sb.append("error ").append(String.format(Locale.ROOT, "%.1f%%", 100 * values.get(i)));
                } else {
                    sb.append(String.format(Locale.ROOT, "%.4f", values.get(i)));
                }
            }
            all.add(sb);
        });
        return all.toString();
    }
}
