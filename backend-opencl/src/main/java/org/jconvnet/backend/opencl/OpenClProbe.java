package org.jconvnet.backend.opencl;

import org.jconvnet.api.backend.Availability;
import org.jconvnet.api.backend.BackendConfig;

/**
 * Loads JOCL's natives and enumerates OpenCL devices exactly once per JVM, caching the outcome.
 *
 * <p>Probing once matters beyond speed: when {@code libOpenCL.so} is missing, JOCL prints its own
 * line straight to the process's native stderr on every attempt, which would bury the reason we
 * return. Every {@link Throwable} is caught, so a missing loader ({@link UnsatisfiedLinkError}),
 * no ICD ({@code CL_PLATFORM_NOT_FOUND_KHR}) or no device all become an unavailable result with
 * the reason and the install hint.
 */
public final class OpenClProbe {
    /** The Debian/Ubuntu packages that make OpenCL usable on a CPU (PoCL) with JOCL 2.0.5. */
    public static final String INSTALL_HINT = "install an OpenCL driver and the ICD loader, e.g. "
            + "'apt-get install -y --no-install-recommends pocl-opencl-icd ocl-icd-libopencl1 ocl-icd-opencl-dev clinfo' "
            + "(JOCL 2.0.5 needs the unversioned libOpenCL.so from ocl-icd-opencl-dev)";

    private static Availability cached;
    private static boolean gpu;

    private OpenClProbe() {
    }

    /** The cached probe outcome: the device {@link OpenClBackendProvider#create} would open, or why none. */
    public static synchronized Availability availability() {
        if (cached == null) {
            cached = run();
        }
        return cached;
    }

    /** Whether the device the probe found reports type GPU (false when none was found). */
    public static synchronized boolean onGpu() {
        availability();
        return gpu;
    }

    private static Availability run() {
        return outcomeOf(() -> {
            OpenClDevice device = OpenClDevices.choose(OpenClDevices.list(),
                    BackendConfig.defaults().get(OpenClDevices.DEVICE_KEY));
            gpu = device.gpu();
            return device;
        });
    }

    /** What opens the device; a seam so tests can inject the native layer's failures. */
    @FunctionalInterface
    interface DeviceOpener {
        OpenClDevice open();
    }

    /** The probe's outcome for one attempt to open the device; never throws. */
    static Availability outcomeOf(DeviceOpener opener) {
        try {
            return Availability.available(opener.open().describe());
        } catch (LinkageError e) {
            // JOCL says "Implementation library could not be loaded" when libOpenCL.so is missing;
            // anything else means its own native (extracted to java.io.tmpdir) failed to load.
            String what = String.valueOf(e.getMessage()).contains("Implementation library")
                    ? "OpenCL library libOpenCL.so could not be loaded"
                    : "JOCL's native library could not be loaded (is java.io.tmpdir writable?)";
            return Availability.unavailable(what + " (" + oneLine(e) + "); " + INSTALL_HINT);
        } catch (Throwable e) { // NOPMD: a probe never throws, whatever the native layer does
            return Availability.unavailable("OpenCL unavailable: " + reason(e) + "; " + INSTALL_HINT);
        }
    }

    private static String reason(Throwable e) {
        if (e instanceof org.jocl.CLException
                && ((org.jocl.CLException) e).getStatus() == org.jocl.CL.CL_PLATFORM_NOT_FOUND_KHR) {
            return "no OpenCL platform found (CL_PLATFORM_NOT_FOUND_KHR: the ICD loader found no driver in "
                    + "/etc/OpenCL/vendors or OCL_ICD_VENDORS)";
        }
        return oneLine(e);
    }

    private static String oneLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String m = root.getMessage() == null ? root.getClass().getSimpleName()
                : root.getClass().getSimpleName() + ": " + root.getMessage();
        return m.replace('\n', ' ').trim();
    }
}
