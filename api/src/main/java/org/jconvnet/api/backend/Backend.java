package org.jconvnet.api.backend;

import java.util.Optional;
import java.util.Set;
import org.jconvnet.api.kernel.KernelRegistry;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.api.tensor.Tensor;

/**
 * A running compute backend: an allocator, a set of kernels and a synchronisation point. Layers
 * never see a concrete backend class; they allocate through {@link #allocate} and run kernels
 * looked up in {@link #kernels()}.
 */
public interface Backend extends AutoCloseable {

    /** The provider id, e.g. {@code cpu}, {@code opencl}, {@code cuda}. */
    String id();

    /** Human-readable description of the device this backend runs on. */
    String deviceName();

    /** The element types whose kernels this backend runs. */
    Set<DType> supportedDTypes();

    /** Allocates a zero-filled {@code rows x cols} tensor. Allocation failure names the shape and the device. */
    Tensor allocate(int rows, int cols, DType dtype);

    /** The kernels available on this backend, from every registered kernel provider. */
    KernelRegistry kernels();

    /**
     * An optional capability of this backend, e.g. {@link org.jconvnet.api.kernel.DeviceCode} on
     * GPU backends. Empty when the backend does not offer it.
     */
    default <T> Optional<T> capability(Class<T> type) {
        return Optional.empty();
    }

    /** Blocks until every launched kernel and transfer has finished. */
    void synchronize();

    /** Releases device resources. Tensors allocated from this backend become unusable. */
    @Override
    void close();
}
