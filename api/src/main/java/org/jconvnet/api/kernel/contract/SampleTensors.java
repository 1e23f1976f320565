package org.jconvnet.api.kernel.contract;

import org.jconvnet.api.tensor.Tensor;

/**
 * Where a {@link KernelSample} gets its tensors: a test harness allocates them on the backend
 * under test and fills them with the case's data, a plan test hands out shape-only stand-ins. The
 * names label the tensors in messages and tie one backend's tensor to another's.
 */
public interface SampleTensors {

    /** How a sample wants a tensor's values: from the harness's seeded uniform value in [-1, 1) and the flat index. */
    @FunctionalInterface
    interface Fill {
        /**
         * The value at flat index {@code index}, given the harness's random {@code uniform} for it.
         *
         * @param index the flat index, row-major
         * @param uniform the harness's seeded value in [-1, 1) for this index
         * @return the value
         */
        double at(int index, double uniform);
    }

    /**
     * Uniform values in [-1, 1), seeded by the sample, rounded to float32 so every backend sees the same data.
     *
     * @param name the tensor's name, for messages
     * @param rows number of rows
     * @param cols number of columns
     * @return the tensor
     */
    default Tensor random(String name, long rows, long cols) {
        return tensor(name, rows, cols, (index, uniform) -> uniform);
    }

    /**
     * A {@code rows x cols} tensor with the values {@code fill} gives (rounded to float32).
     *
     * @param name the tensor's name, for messages
     * @param rows number of rows
     * @param cols number of columns
     * @param fill the values
     * @return the tensor
     */
    Tensor tensor(String name, long rows, long cols, Fill fill);
}
