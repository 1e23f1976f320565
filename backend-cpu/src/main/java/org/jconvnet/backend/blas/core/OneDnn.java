package org.jconvnet.backend.blas.core;

import static org.bytedeco.dnnl.global.dnnl.dnnl_cpu;
import static org.bytedeco.dnnl.global.dnnl.dnnl_engine_create;
import static org.bytedeco.dnnl.global.dnnl.dnnl_success;
import static org.bytedeco.dnnl.global.dnnl.dnnl_version;

import org.bytedeco.dnnl.dnnl_engine;
import org.bytedeco.dnnl.dnnl_version_t;
import org.bytedeco.dnnl.global.dnnl;
import org.bytedeco.javacpp.Loader;

/**
 * Loads oneDNN (JavaCPP's presets, CPU engine) once and says whether that worked; the process's
 * one CPU engine lives here. Like {@link OpenBlas}, loading extracts the natives of the
 * {@code linux-x86_64} jars; where that fails (another platform, the jars left out) conv falls back
 * to OpenBLAS im2col, and the backend's description says why.
 * <p>oneDNN runs its primitives on its own OpenMP threads (all cores unless {@code OMP_NUM_THREADS}
 * says otherwise), not on the backend's {@link Workers}: its results depend on that thread count,
 * never on the number of workers.
 */
public final class OneDnn {
    private static NativeLibrary status;
    private static dnnl_engine engine;

    private OneDnn() {
    }

    /** Loads the library on first call and returns the cached outcome; never throws. */
    public static synchronized NativeLibrary load() {
        if (status == null) {
            status = tryLoad();
        }
        return status;
    }

    /** The CPU engine; throws, with the reason, where oneDNN could not be loaded. */
    static synchronized dnnl_engine engine() {
        if (!load().loaded()) {
            throw new IllegalStateException("oneDNN is not loaded: " + load().description());
        }
        return engine;
    }

    private static NativeLibrary tryLoad() {
        String platform = System.getProperty("os.name") + "-" + System.getProperty("os.arch");
        try {
            platform = Loader.getPlatform();
            Loader.load(dnnl.class);
            dnnl_engine e = new dnnl_engine();
            check(dnnl_engine_create(e, dnnl_cpu, 0), "creating the CPU engine");
            engine = e;
            dnnl_version_t v = dnnl_version();
            return NativeLibrary.loaded("oneDNN " + v.major() + "." + v.minor() + "." + v.patch());
        } catch (Throwable t) { // UnsatisfiedLinkError, NoClassDefFoundError (jars left out): conv falls back
            return NativeLibrary.failed("oneDNN", platform, t, "");
        }
    }

    /** Throws with {@code what} and oneDNN's status code unless {@code code} is success. */
    static void check(int code, String what) {
        if (code != dnnl_success) {
            throw new IllegalStateException("oneDNN failed " + what + " (dnnl_status_t " + code + ")");
        }
    }
}
