package org.jconvnet.train.facade;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Where a training run ended.
 *
 * @param runDir         the run directory holding its checkpoints; {@link JConvNet#load} opens
 *                       its latest, {@link Training#epochs} with a later epoch continues it
 * @param epoch          the epoch of the last batch trained
 * @param batchNum       the number of that batch
 * @param batchesTrained the batches trained in this run
 * @param lastTest       the costs of the last test, per cost layer (empty when none ran)
 */
public record TrainingResult(Path runDir, int epoch, int batchNum, long batchesTrained,
                             Map<String, List<Double>> lastTest) {
}
