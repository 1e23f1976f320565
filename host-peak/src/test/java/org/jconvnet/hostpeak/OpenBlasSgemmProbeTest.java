package org.jconvnet.hostpeak;

import static org.bytedeco.openblas.global.openblas_nolapack.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_nolapack.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_nolapack.cblas_sgemm;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ServiceLoader;
import org.jconvnet.train.bench.HostSgemmProbe;
import org.jconvnet.train.bench.Peaks;
import org.junit.jupiter.api.Test;

class OpenBlasSgemmProbeTest {

    @Test
    void theBundledBlasMultipliesCorrectly() {
        // The probe's rate means nothing if the call it times computes something else.
        float[] a = {1, 2, 3, 4, 5, 6};       // 2x3
        float[] b = {7, 8, 9, 10, 11, 12};    // 3x2
        float[] c = new float[4];
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 2, 2, 3, 1f, a, 3, b, 2, 0f, c, 2);
        assertArrayEquals(new float[] {58, 64, 139, 154}, c);
    }

    @Test
    void aSmallProbeGivesAPositiveFiniteRate() {
        double g = new OpenBlasSgemmProbe(64, 2).measureGflops();
        assertTrue(g > 0 && Double.isFinite(g), "rate " + g);
    }

    @Test
    void benchFindsItThroughServiceLoader() {
        HostSgemmProbe p = ServiceLoader.load(HostSgemmProbe.class, getClass().getClassLoader()).findFirst().orElseThrow();
        assertInstanceOf(OpenBlasSgemmProbe.class, p);
        assertTrue(p.describe().startsWith("OpenBLAS"), p.describe());
        Peaks peaks = Peaks.measure(getClass().getClassLoader());
        assertTrue(peaks.host().gflops() > 0, peaks.host().toString());
        assertEquals(p.describe(), peaks.host().source());
    }
}
