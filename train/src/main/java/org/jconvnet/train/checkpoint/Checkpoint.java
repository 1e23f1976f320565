package org.jconvnet.train.checkpoint;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.train.metrics.Metric;

/**
 * Everything needed to resume training or to evaluate a model: the net definition, where
 * training stands, the options, the metrics so far, the data mean and every parameter.
 *
 * @param epoch           epoch of the batch just trained (cuda-convnet's {@code epoch})
 * @param batchNum        number of the batch just trained (cuda-convnet's {@code batchnum})
 * @param batchesDone     training batches done since the start (for LR schedules)
 * @param dtype           precision of the net that saved it; the .npy files use it
 * @param layerDefName    the layer-definition file name (or shipped net name)
 * @param layerDefText    the layer-definition text, fixed for the model's life
 * @param layerParamsName the layer-params file name, re-read on resume as cuda-convnet does
 * @param layerParamsText the layer-params text in force when saved
 * @param options         the training options as saved, by cuda-convnet option name (the train facade's
 *                        {@code TrainOptions} reads them; this package keeps them as written)
 * @param metrics         the metrics records so far (the same records as {@code metrics.jsonl})
 * @param dataMean        the 3072-value per-pixel mean the model was trained with
 * @param params          every parameter with its momentum
 */
public record Checkpoint(int epoch, int batchNum, long batchesDone, DType dtype,
                         String layerDefName, String layerDefText, String layerParamsName, String layerParamsText,
                         ObjectNode options, List<Metric> metrics,
                         double[] dataMean, List<SavedParam> params) {

    /** The format version written in every manifest; readers refuse newer ones. */
    public static final int FORMAT_VERSION = 1;

    /** cuda-convnet's name for this save, {@code <epoch>.<batchnum>}. */
    public String name() {
        return epoch + "." + batchNum;
    }

    /** The saved parameter of a layer, if any. */
    public java.util.Optional<SavedParam> param(String layer, String param) {
        return params.stream().filter(p -> p.layer().equals(layer) && p.param().equals(param)).findFirst();
    }
}
