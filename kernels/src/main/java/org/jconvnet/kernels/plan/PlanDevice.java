package org.jconvnet.kernels.plan;

/**
 * What a GPU backend gives the launch plans: its {@link PlanOptions} and the one method through
 * which every launch reaches its device, built-in plans' launches here and plugin kernels' through
 * the backend's {@link org.jconvnet.api.kernel.DeviceCode} alike.
 */
public interface PlanDevice {

    /** The backend's id, for messages ({@code opencl}, {@code cuda}). */
    String id();

    /** How the plans run on this backend. */
    PlanOptions planOptions();

    /**
     * Runs one launch of a built-in entry point (it has work-items), in order with earlier ones.
     *
     * @throws org.jconvnet.api.JConvNetException when the device refuses it
     */
    void launch(Launch launch);
}
