package org.jconvnet.train.metrics;

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
 */
public record TrainMetric(int epoch, int batch, long batchesDone, long cases, Map<String, List<Double>> costs,
                          String time, double seconds, double imagesPerSec, double progress) implements Metric {
}
