package org.jconvnet.train.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.api.tensor.MatrixOrder;
import org.jconvnet.train.metrics.Metric;
import org.jconvnet.train.metrics.TrainJson;
import org.jconvnet.train.metrics.TrainMetric;

/** Checkpoints whose every value is a function of the step, so any mix-up or damage is detectable. */
final class SyntheticCheckpoints {
    private SyntheticCheckpoints() {
    }

    static Checkpoint make(long step, int bigRows) {
        List<SavedParam> params = new ArrayList<>();
        params.add(param(step, "conv1", "weights", 75, 64, MatrixOrder.C));
        params.add(param(step, "conv1", "biases", 64, 1, MatrixOrder.C));
        params.add(param(step, "local3", "weights", bigRows, 64, MatrixOrder.C));
        params.add(param(step, "fc10", "weights.0", 20, 10, MatrixOrder.FORTRAN));
        params.add(param(step, "fc10", "weights.1", 30, 10, MatrixOrder.FORTRAN));
        params.add(param(step, "fc10", "biases", 1, 10, MatrixOrder.FORTRAN));
        double[] mean = new double[3072];
        java.util.Arrays.fill(mean, step + 0.25);
        List<Metric> metrics = new ArrayList<>();
        for (long i = 0; i <= step; i++) {
            metrics.add(new TrainMetric(1, 1, i, 10, Map.of("logprob", List.of(i * 0.5, 0.25)), "t" + i, 1, 10, 0.5));
        }
        ObjectNode options = TrainJson.object().put("mini", 128);
        return new Checkpoint((int) (step / 5 + 1), (int) (step % 5 + 1), step, DType.FLOAT32, "def.cfg",
                "[data]\ntype=data\n# step " + step + "\n", "params.cfg", "[fc10]\nepsW=0.001\n", options, metrics, mean, params);
    }

    private static SavedParam param(long step, String layer, String name, int rows, int cols, MatrixOrder order) {
        double[] v = new double[rows * cols];
        double[] inc = new double[rows * cols];
        int salt = (layer + name).hashCode() & 0xff;
        for (int i = 0; i < v.length; i++) {
            v[i] = step * 1000 + (i % 997) + salt;
            inc[i] = -v[i] - 0.5;
        }
        return new SavedParam(layer, name, rows, cols, order, v, inc);
    }

    /** Asserts that {@code cp} is exactly what {@link #make} gives for its own step. */
    static long verify(Checkpoint cp, int bigRows) {
        long step = cp.batchesDone();
        Checkpoint want = make(step, bigRows);
        assertEquals(want.epoch(), cp.epoch());
        assertEquals(want.batchNum(), cp.batchNum());
        assertEquals(want.layerDefText(), cp.layerDefText());
        assertEquals(want.layerParamsText(), cp.layerParamsText());
        assertEquals(want.metrics(), cp.metrics());
        assertEquals(want.options(), cp.options());
        assertEquals(want.params().size(), cp.params().size());
        org.junit.jupiter.api.Assertions.assertArrayEquals(want.dataMean(), cp.dataMean());
        for (int i = 0; i < want.params().size(); i++) {
            SavedParam a = want.params().get(i);
            SavedParam b = cp.params().get(i);
            assertEquals(a.layer() + a.param() + a.order() + a.rows() + a.cols(), b.layer() + b.param() + b.order() + b.rows() + b.cols());
            org.junit.jupiter.api.Assertions.assertArrayEquals(a.values(), b.values(), a.fileName());
            org.junit.jupiter.api.Assertions.assertArrayEquals(a.momentum(), b.momentum(), a.momentumFileName());
        }
        return step;
    }
}
