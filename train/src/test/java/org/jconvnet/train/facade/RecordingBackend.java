package org.jconvnet.train.facade;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.kernel.KernelRegistry;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.api.tensor.Tensor;

/**
 * A backend that hands out its delegate's own tensors (kernels cast them to their class) and keeps
 * a list of every one, so that a test can tell which are still open: the allocation accounting
 * the CPU reference backend does not keep itself.
 */
final class RecordingBackend implements Backend {
    private final Backend delegate;
    private final List<Tensor> allocated = new ArrayList<>();
    private boolean closed;

    RecordingBackend(Backend delegate) {
        this.delegate = delegate;
    }

    /** Tensors allocated and not closed yet (a closed CPU tensor refuses to be read). */
    synchronized long open() {
        return allocated.stream().filter(t -> {
            try {
                t.downloadFloats();
                return true;
            } catch (IllegalStateException closedAlready) {
                return false;
            }
        }).count();
    }

    synchronized int allocations() {
        return allocated.size();
    }

    synchronized boolean closed() {
        return closed;
    }

    @Override
    public String id() {
        return delegate.id();
    }

    @Override
    public String deviceName() {
        return delegate.deviceName();
    }

    @Override
    public Set<DType> supportedDTypes() {
        return delegate.supportedDTypes();
    }

    @Override
    public synchronized Tensor allocate(int rows, int cols, DType dtype) {
        Tensor t = delegate.allocate(rows, cols, dtype);
        allocated.add(t);
        return t;
    }

    @Override
    public KernelRegistry kernels() {
        return delegate.kernels();
    }

    @Override
    public <T> Optional<T> capability(Class<T> type) {
        return delegate.capability(type);
    }

    @Override
    public void synchronize() {
        delegate.synchronize();
    }

    @Override
    public synchronized void close() {
        closed = true;
        delegate.close();
    }
}
