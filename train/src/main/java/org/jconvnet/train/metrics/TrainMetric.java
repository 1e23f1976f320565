package org.jconvnet.train.metrics;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * One trained batch: its training cost (each minibatch's cost measured before its own update,
 * summed, divided by the cases) and how long it took.
 *
 * @param epoch        epoch of the batch
 * @param batch        batch number
 * @param batchesDone  training batches done, this one included
 * @param cases        cases in the batch
 * @param costs        per cost layer, the per-case averages
 * @param time         when it finished, ISO-8601 in UTC
 * @param seconds      wall-clock seconds of forward, backward and update over the batch
 * @param imagesPerSec cases per second
 * @param progress     the learning-rate schedules' progress, batchesDone / (epochs x batches per epoch), at most 1
 * @param lrFactor     the {@code --lr-schedule} factor the batch trained with (1 without a schedule); null in
 *                     records written before it was recorded
 */
public record TrainMetric(int epoch, int batch, long batchesDone, long cases, Map<String, List<Double>> costs,
                          String time, double seconds, double imagesPerSec, double progress,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Double lrFactor) implements Metric {

    /**
     * A record without a rate factor (as written before the factor was recorded).
     *
     * @param epoch        epoch of the batch
     * @param batch        batch number
     * @param batchesDone  training batches done, this one included
     * @param cases        cases in the batch
     * @param costs        per cost layer, the per-case averages
     * @param time         when it finished, ISO-8601 in UTC
     * @param seconds      wall-clock seconds of forward, backward and update over the batch
     * @param imagesPerSec cases per second
     * @param progress     the learning-rate schedules' progress
     */
    public TrainMetric(int epoch, int batch, long batchesDone, long cases, Map<String, List<Double>> costs, String time,
                       double seconds, double imagesPerSec, double progress) {
        this(epoch, batch, batchesDone, cases, costs, time, seconds, imagesPerSec, progress, null);
    }
}
