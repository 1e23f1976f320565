/**
 * The metrics a training run records, as records: {@link org.jconvnet.train.metrics.TrainMetric}
 * per trained batch and {@link org.jconvnet.train.metrics.TestMetric} per test, both
 * {@link org.jconvnet.train.metrics.Metric}s; and {@link org.jconvnet.train.metrics.TrainJson}, the
 * one Jackson set-up every JSON file of the train module is written and read with (its policy for
 * non-finite numbers is described in {@code train/README.md}).
 */
package org.jconvnet.train.metrics;
