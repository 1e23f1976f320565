package org.jconvnet.backend.blas.core;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_nolapack;

/**
 * Loads OpenBLAS (JavaCPP's presets, the BLAS-only library {@code openblas_nolapack}) once and says
 * whether that worked. Loading extracts the natives bundled in the {@code linux-x86_64} jar; on any
 * other OS or architecture, or when that jar is missing (the GPU bundle leaves it out), it fails and
 * the backend reports itself unavailable with the reason instead of crashing.
 */
public final class OpenBlas {
    private static NativeLibrary status;

    private OpenBlas() {
    }

    /**
     * Loads the library on first call and returns the cached outcome; never throws. OpenBLAS is
     * set to one thread: the backend's {@link Workers} split the products, and OpenBLAS's own idle
     * threads would otherwise spin on the cores the loops run on.
     */
    public static synchronized NativeLibrary load() {
        if (status == null) {
            status = tryLoad();
        }
        return status;
    }

    private static NativeLibrary tryLoad() {
        String platform = System.getProperty("os.name") + "-" + System.getProperty("os.arch");
        try {
            platform = Loader.getPlatform();
            Loader.load(openblas_nolapack.class);
            openblas_nolapack.blas_set_num_threads(1);
            smokeTest();
            return NativeLibrary.loaded(openblas_nolapack.OPENBLAS_VERSION.trim() + " (" + platform + ")");
        } catch (Throwable t) { // UnsatisfiedLinkError, NoClassDefFoundError (jars left out), a wrong product: never a crash
            return NativeLibrary.failed("OpenBLAS", platform, t, " (this backend needs the org.bytedeco openblas and"
                    + " javacpp jars with their linux-x86_64 natives, which the GPU bundle leaves out; use --backend cpu"
                    + " or opencl)");
        }
    }

    /**
     * Puts OpenBLAS back to one thread if something else in the process (bench's sgemm peak probe,
     * say) changed its global thread count; reading the count is a Java field read, so every launch
     * can afford the check.
     */
    public static void keepSingleThreaded() {
        if (openblas_nolapack.blas_get_num_threads() != 1) {
            openblas_nolapack.blas_set_num_threads(1);
        }
    }

    /** A 2x2 product, so that a library that loads but computes nonsense is caught at probe time. */
    private static void smokeTest() {
        try (NativeFloats a = new NativeFloats().ensure(4); NativeFloats c = new NativeFloats().ensure(4)) {
            a.put(0, new float[] {1, 2, 3, 4}, 0, 4);
            Sgemm.multiply(false, false, 2, 2, 2, 1f, new Sgemm.Operand(a, 0, 2), new Sgemm.Operand(a, 0, 2), 0f,
                    new Sgemm.Operand(c, 0, 2));
            float[] got = new float[4];
            c.get(0, got, 0, 4);
            if (got[0] != 7 || got[1] != 10 || got[2] != 15 || got[3] != 22) {
                throw new IllegalStateException("sgemm smoke test gave " + java.util.Arrays.toString(got)
                        + ", expected [7.0, 10.0, 15.0, 22.0]");
            }
        }
    }
}
