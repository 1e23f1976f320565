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

    /** Validates that a detail text is present. */
    public Availability {
        Objects.requireNonNull(detail, "detail");
    }

    /** An available backend running on the described device. */
    public static Availability available(String device) {
        return new Availability(true, device);
    }

    /** An unavailable backend, with the reason a user can act on. */
    public static Availability unavailable(String reason) {
        return new Availability(false, reason);
    }

    /** Builds an unavailable result from a throwable caught during probing, keeping the root cause text. */
    public static Availability unavailable(String what, Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return new Availability(false, what + ": " + text.replace('\n', ' ').trim());
    }
}
