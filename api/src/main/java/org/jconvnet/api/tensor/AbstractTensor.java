package org.jconvnet.api.tensor;

import java.util.Objects;

/**
 * What every backend's tensor holds besides its storage: the shape, the element type and the id of
 * the owning backend, fixed at allocation. A backend's tensor class extends it and adds only its
 * storage and transfers (the in-tree ones do), so these facts are read the same way everywhere.
 */
public abstract class AbstractTensor implements Tensor {
    private final String backendId;
    private final int rows;
    private final int cols;
    private final DType dtype;

    /**
     * Records the facts of a new tensor.
     *
     * @param backendId the owning backend's id
     * @param rows      rows, at least 0
     * @param cols      columns, at least 0
     * @param dtype     the element type
     * @throws IllegalArgumentException when a dimension is negative
     */
    protected AbstractTensor(String backendId, int rows, int cols, DType dtype) {
        if (rows < 0 || cols < 0) {
            throw new IllegalArgumentException("negative tensor shape " + rows + "x" + cols);
        }
        this.backendId = Objects.requireNonNull(backendId, "backendId");
        this.rows = rows;
        this.cols = cols;
        this.dtype = Objects.requireNonNull(dtype, "dtype");
    }

    @Override
    public final int rows() {
        return rows;
    }

    @Override
    public final int cols() {
        return cols;
    }

    @Override
    public final DType dtype() {
        return dtype;
    }

    @Override
    public final String backendId() {
        return backendId;
    }
}
