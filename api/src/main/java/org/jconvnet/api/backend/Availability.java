package org.jconvnet.api.backend;

import java.util.Objects;

/**
 * The result of probing a backend: available (with the device it found) or unavailable (with the
 * reason and, where known, how to fix it). A probe never throws; it returns one of these.
 *
 * @param available whether {@link BackendProvider#create} will succeed
 * @param detail    the device description when available, otherwise the reason and fix hint
 */
public record Availability(boolean available, String detail) {

    /**
     * Validates that a detail text is present.
     *
     * @param available whether {@link BackendProvider#create} will succeed
     * @param detail the device description when available, otherwise the reason and fix hint
     */
    public Availability {
        Objects.requireNonNull(detail, "detail");
    }

    /**
     * An available backend running on the described device.
     *
     * @param device the device description, e.g. the GPU's name
     * @return an available backend running on the described device
     */
    public static Availability available(String device) {
        return new Availability(true, device);
    }

    /**
     * An unavailable backend, with the reason a user can act on.
     *
     * @param reason why the backend cannot run here, and what would fix it
     * @return an unavailable backend, with the reason a user can act on
     */
    public static Availability unavailable(String reason) {
        return new Availability(false, reason);
    }

    /**
     * Builds an unavailable result from a throwable caught during probing, keeping the root cause text.
     *
     * @param what what failed, e.g. {@code cannot load libcuda}; the message starts with it
     * @param cause the throwable caught; its root cause's message follows {@code what}
     * @return an unavailable result whose detail is {@code what: root cause message}
     */
    public static Availability unavailable(String what, Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return new Availability(false, what + ": " + text.replace('\n', ' ').trim());
    }
}
