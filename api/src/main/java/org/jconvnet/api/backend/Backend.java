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

    /**
     * The provider id, e.g. {@code cpu}, {@code opencl}, {@code cuda}.
     *
     * @return the provider id, e.g. {@code cpu}, {@code opencl}, {@code cuda}
     */
    String id();

    /** {@return human-readable description of the device this backend runs on} */
    String deviceName();

    /** {@return the element types whose kernels this backend runs} */
    Set<DType> supportedDTypes();

    /**
     * Allocates a zero-filled {@code rows x cols} tensor. Allocation failure names the shape and the device.
     *
     * @param rows number of rows
     * @param cols number of columns (for activations: the number of cases)
     * @param dtype element type; one of {@link #supportedDTypes()}
     * @return a new zero-filled tensor owned by this backend
     */
    Tensor allocate(int rows, int cols, DType dtype);

    /** {@return the kernels available on this backend, from every registered kernel provider} */
    KernelRegistry kernels();

    /**
     * An optional capability of this backend, e.g. {@link org.jconvnet.api.kernel.DeviceCode} on
     * GPU backends. Empty when the backend does not offer it.
     *
     * @param <T> the capability's type
     * @param type the capability's interface, e.g. {@code DeviceCode.class}
     * @return the capability, or empty when this backend does not offer it
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
