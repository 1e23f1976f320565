package org.jconvnet.train.facade;

import java.util.List;
import java.util.Map;

/**
 * What {@link JConvNet#test()} measured: the numbers {@code jconvnet test} prints.
 *
 * @param range     the batches tested, e.g. {@code 6}
 * @param multiview whether each image was tested on 10 views (softmax averaged)
 * @param cases     the number of images
 * @param costs     per cost layer, the per-case averages of its outputs (for {@code cost.logreg}:
 *                  negative log-probability, then error rate)
 * @param output    the lines {@code jconvnet test} prints for this result
 */
public record TestResult(String range, boolean multiview, long cases, Map<String, List<Double>> costs,
                         List<String> output) {

    /**
     * Copies the collections.
     *
     * @param range     the batches tested
     * @param multiview 10-view testing
     * @param cases     the number of images
     * @param costs     per cost layer, the averages
     * @param output    the printed lines
     */
    public TestResult {
        costs = Map.copyOf(costs);
        output = List.copyOf(output);
    }
}
