package org.jconvnet.backend.cuda;

import java.util.Locale;

/**
 * Turns whatever the first JCuda call threw into one line a user can act on. It reads only the
 * messages of the throwable chain, so it is testable without JCuda natives.
 */
public final class ProbeFailure {
    /** The reason given when the NVIDIA driver library itself is missing. */
    public static final String NO_LIBCUDA = "libcuda.so.1 not found (no NVIDIA driver on this machine)";

    private ProbeFailure() {
    }

    /** The reason for a probe that failed with {@code t}. */
    public static String describe(Throwable t) {
        String chain = chainText(t);
        String lower = chain.toLowerCase(Locale.ROOT);
        if (lower.contains("libcuda.so")) {
            return NO_LIBCUDA;
        }
        if (lower.contains("nvcuda.dll")) {
            return "nvcuda.dll not found (no NVIDIA driver on this machine)";
        }
        if (lower.contains("cuda_error_no_device")) {
            return "NVIDIA driver found but no CUDA device is visible (CUDA_ERROR_NO_DEVICE);"
                    + " check nvidia-smi and CUDA_VISIBLE_DEVICES";
        }
        if (lower.contains("cuda_error_insufficient_driver")) {
            return "NVIDIA driver is too old for this CUDA runtime (CUDA_ERROR_INSUFFICIENT_DRIVER);"
                    + " driver >= 580 (CUDA 13.0) is needed";
        }
        if (lower.contains("cuda_error_stub_library")) {
            return "libcuda.so.1 is the CUDA toolkit's stub, not a real driver (CUDA_ERROR_STUB_LIBRARY);"
                    + " no NVIDIA driver on this machine";
        }
        if (t instanceof NoClassDefFoundError && lower.contains("jcuda") && !lower.contains("could not initialize")) {
            return "the JCuda jar is not on the class path (" + oneLine(t.getMessage()) + ")";
        }
        if (t instanceof UnsatisfiedLinkError || lower.contains("unsatisfiedlinkerror")) {
            return "JCuda native library could not be loaded: " + lastMessage(t);
        }
        return "CUDA initialisation failed: " + t.getClass().getSimpleName() + ": " + lastMessage(t);
    }

    /** Every message of the cause chain joined, so a wrapped UnsatisfiedLinkError is still recognised. */
    static String chainText(Throwable t) {
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        for (Throwable c = t; c != null && depth < 16; c = c.getCause() == c ? null : c.getCause(), depth++) {
            sb.append(c.getClass().getName()).append(": ").append(c.getMessage()).append('\n');
        }
        return sb.toString();
    }

    private static String lastMessage(Throwable t) {
        Throwable root = t;
        int depth = 0;
        while (root.getCause() != null && root.getCause() != root && depth++ < 16) {
            root = root.getCause();
        }
        return oneLine(root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage());
    }

    private static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        String flat = s.replaceAll("\\s+", " ").trim();
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }
}
