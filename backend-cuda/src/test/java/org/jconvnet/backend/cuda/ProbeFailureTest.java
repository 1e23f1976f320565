package org.jconvnet.backend.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The reasons built from what JCuda throws. The texts are the ones JCuda 12.0.0 produces on a machine
 * without {@code libcuda.so.1}: its driver class fails to initialise with an UnsatisfiedLinkError on
 * the first call and a NoClassDefFoundError (caused by it) on every later one.
 */
class ProbeFailureTest {
    private static final String JCUDA_ULE = "Error while loading native library \"JCudaDriver-12.0.0-linux-x86_64\"\n"
            + "Stack trace from the attempt to load the library as a resource:\n"
            + "java.lang.UnsatisfiedLinkError: /tmp/libJCudaDriver-12.0.0-linux-x86_64.so: libcuda.so.1: "
            + "cannot open shared object file: No such file or directory";

    @Test
    void missingLibcudaOnFirstCall() {
        assertEquals(ProbeFailure.NO_LIBCUDA, ProbeFailure.describe(new UnsatisfiedLinkError(JCUDA_ULE)));
    }

    @Test
    void missingLibcudaOnSecondCallIsStillRecognisedThroughTheCause() {
        Throwable init = new ExceptionInInitializerError("Exception java.lang.UnsatisfiedLinkError: " + JCUDA_ULE);
        NoClassDefFoundError second = new NoClassDefFoundError("Could not initialize class jcuda.driver.JCudaDriver");
        second.initCause(init);
        assertEquals(ProbeFailure.NO_LIBCUDA, ProbeFailure.describe(second));
    }

    @Test
    void noDeviceAndOldDriverNameTheDriverError() {
        String noDevice = ProbeFailure.describe(new RuntimeException("CUDA_ERROR_NO_DEVICE"));
        assertTrue(noDevice.contains("no CUDA device") && noDevice.contains("CUDA_ERROR_NO_DEVICE"), noDevice);
        String old = ProbeFailure.describe(new RuntimeException("CUDA_ERROR_INSUFFICIENT_DRIVER"));
        assertTrue(old.contains("too old") && old.contains("580"), old);
    }

    @Test
    void missingJcudaJarIsNamed() {
        String r = ProbeFailure.describe(new NoClassDefFoundError("jcuda/driver/JCudaDriver"));
        assertTrue(r.startsWith("the JCuda jar is not on the class path"), r);
    }

    @Test
    void otherFailuresKeepTypeAndOneLineMessage() {
        String r = ProbeFailure.describe(new IllegalStateException("first\nsecond"));
        assertEquals("CUDA initialisation failed: IllegalStateException: first second", r);
    }
}
