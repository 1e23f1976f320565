package org.jconvnet.train.metrics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * One test of the net after a trained batch: the costs over the test batches and how long it took.
 *
 * @param epoch       epoch of the batch trained last
 * @param batch       number of the batch trained last
 * @param batchesDone training batches done
 * @param cases       test cases (images; multiview counts each image once)
 * @param costs       per cost layer, the per-case averages
 * @param time        when it finished, ISO-8601 in UTC
 * @param testBatches the test batches run, in order
 * @param seconds     wall-clock seconds of the test
 * @param lrFactor    the {@code --lr-schedule} factor of the batch trained last (1 without a schedule); null in
 *                    records written before it was recorded
 */
public record TestMetric(int epoch, int batch, long batchesDone, long cases, Map<String, List<Double>> costs,
                         String time, List<Integer> testBatches, double seconds,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Double lrFactor) implements Metric {

    /**
     * A record without a rate factor (as written before the factor was recorded).
     *
     * @param epoch       epoch of the batch trained last
     * @param batch       number of the batch trained last
     * @param batchesDone training batches done
     * @param cases       test cases
     * @param costs       per cost layer, the per-case averages
     * @param time        when it finished, ISO-8601 in UTC
     * @param testBatches the test batches run, in order
     * @param seconds     wall-clock seconds of the test
     */
    public TestMetric(int epoch, int batch, long batchesDone, long cases, Map<String, List<Double>> costs, String time,
                      List<Integer> testBatches, double seconds) {
        this(epoch, batch, batchesDone, cases, costs, time, testBatches, seconds, null);
    }
}
