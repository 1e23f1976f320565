package org.jconvnet.train.metrics;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Map;

/**
 * One line of {@code metrics.jsonl} (and one element of a checkpoint's {@code metrics}): a trained
 * batch or a test, told apart by the JSON field {@code type} ({@code train} or {@code test}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({@JsonSubTypes.Type(value = TrainMetric.class, name = "train"),
        @JsonSubTypes.Type(value = TestMetric.class, name = "test")})
public sealed interface Metric permits TrainMetric, TestMetric {
    /** {@return epoch of the batch just trained (cuda-convnet's {@code epoch})} */
    int epoch();

    /** {@return number of the batch just trained (cuda-convnet's {@code batchnum})} */
    int batch();

    /** {@return training batches done since the start, this one included} */
    long batchesDone();

    /** {@return cases the costs are averaged over} */
    long cases();

    /**
     * Per cost layer, the per-case averages of its outputs (for {@code cost.logreg}: the negative
     * log-probability and the error rate); NaN when there were no cases.
     *
     * @return the per-case averages, by cost layer name
     */
    Map<String, List<Double>> costs();

    /** {@return wall-clock seconds the batch (or the test) took} */
    double seconds();

    /** {@return when the record was made, ISO-8601 in UTC} */
    String time();

    /**
     * The {@code --lr-schedule} factor in force (of the batch trained, or trained last before a test).
     *
     * @return 1 without a schedule; null in records written before the factor was recorded
     */
    Double lrFactor();
}
