package org.jconvnet.conformance.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Pins the probes' own formulas to cuda-convnet.md §2.4 and §3.2, independent of any kernel. */
class ProbeGeometryTest {

    @Test
    void modulesFollowTheSpecFormula() {
        // M = 1 + ceil((2p + S - fs) / stride): S=5, p=1, fs=3, stride=2 gives 3.
        assertEquals(3, ProbeGeometry.ALL.get(0).m());
        assertEquals(3, ProbeGeometry.ALL.get(1).m());
    }

    @Test
    void weightOffsetsMatchSection24() {
        ProbeGeometry conv = ProbeGeometry.ALL.get(0); // Cf=4, fs=3, F=32
        assertEquals(((1 * 3 + 2) * 3 + 0) * 32 + 5, conv.weightOffset(0, 0, 1, 2, 0, 5));
        assertTrue(conv.describeWeight(((1 * 3 + 2) * 3 + 0) * 32 + 5).startsWith("W[c=1,fy=2,fx=0,f=5]"));
        ProbeGeometry local = ProbeGeometry.ALL.get(1); // M=3, Cf=4, fs=3, F=16
        int k = ((((2 * 3 + 1) * 4 + 3) * 3 + 1) * 3 + 2) * 16 + 7;
        assertEquals(k, local.weightOffset(2, 1, 3, 1, 2, 7));
        assertTrue(local.describeWeight(k).startsWith("W[my=2,mx=1,c=3,fy=1,fx=2,f=7]"), local.describeWeight(k));
        ProbeGeometry fc = ProbeGeometry.ALL.get(2); // Din=12
        assertEquals(4 * 12 + 3, fc.weightOffset(0, 0, 3, 0, 0, 4));
    }

    @Test
    void oneConvWeightMovesOneFilterAtEveryModuleThatSeesThePixel() {
        ProbeGeometry conv = ProbeGeometry.ALL.get(0);
        int n = 2;
        double[] in = new double[conv.inputDims() * n];
        for (int i = 0; i < in.length; i++) {
            in[i] = i + 1;
        }
        // W[c=0, fy=1, fx=1, f=20] is the centre tap of filter 20 (group 1: reads channel 4).
        int k = conv.weightOffset(0, 0, 0, 1, 1, 20);
        double[] out = conv.expectedForOneWeight(k, in, n);
        int m = conv.m();
        for (int row = 0; row < conv.outputDims(); row++) {
            int f = row / (m * m);
            int my = (row / m) % m;
            int mx = row % m;
            for (int c = 0; c < n; c++) {
                double want = f != 20 ? 0 : in[((4 * 5 + my * 2) * 5 + mx * 2) * n + c];
                assertEquals(want, out[row * n + c], 0, "row " + row);
            }
        }
    }

    @Test
    void oneActivationReachesOnlyItsCase() {
        ProbeGeometry fc = ProbeGeometry.ALL.get(2);
        int n = 3;
        double[] w = new double[fc.weightCount()];
        for (int i = 0; i < w.length; i++) {
            w[i] = i;
        }
        // input i=7, case 1 at offset 7*N + 1.
        double[] out = fc.expectedForOneActivation(7 * n + 1, w, n);
        for (int j = 0; j < 5; j++) {
            assertEquals(w[j * 12 + 7], out[j * n + 1], 0);
            assertEquals(0, out[j * n], 0);
            assertEquals(0, out[j * n + 2], 0);
        }
    }
}
