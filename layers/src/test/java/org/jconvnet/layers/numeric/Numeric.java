package org.jconvnet.layers.numeric;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.backend.BackendConfig;
import org.jconvnet.api.kernel.KernelKey;
import org.jconvnet.api.kernel.Ops;
import org.jconvnet.api.layer.LayerCase.CaseInput;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.backend.cpu.CpuBackendProvider;

/** Helpers for the tests that run nets on the CPU reference backend. */
final class Numeric {
    private Numeric() {
    }

    /** A fresh CPU reference backend (test scope only: layers never imports a backend). */
    static Backend cpu() {
        return new CpuBackendProvider().create(BackendConfig.defaults());
    }

    /**
     * Skips while the CPU reference kernels are not on the class path at all (they are written on
     * another branch); once any is there, every missing one is a failure, not a skip.
     */
    static void assumeCpuKernels(Backend b) {
        assumeTrue(b.kernels().has(KernelKey.of("tensor", Ops.SGD, DType.FLOAT64))
                        || b.kernels().has(KernelKey.of("conv", "forward", DType.FLOAT64)),
                "the CPU reference kernels are not on the class path yet");
    }

    /**
     * The shared data folder: {@code ../shared} relative to the repository root, falling back to the
     * system property {@code jconvnet.shared} (worktrees outside the main checkout need it).
     */
    static Path shared() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("layers"))) {
                Path sibling = p.resolveSibling("shared");
                if (Files.isDirectory(sibling)) {
                    return sibling;
                }
                break;
            }
        }
        String prop = System.getProperty("jconvnet.shared");
        return prop != null ? Path.of(prop) : here.resolveSibling("shared");
    }

    /**
     * Random values for a case input: Gaussian, positive or labels. With {@code nudge}, Gaussian
     * values are moved at least {@code gap} away from one another and from the kinks 0 and +-1.5
     * (relu, abs, brelu[1.5]), so a central difference of step h &lt;&lt; gap never straddles a
     * max-pool/eltmax tie or a kink.
     */
    static double[] draw(CaseInput in, int numCases, Random rng, boolean nudge) {
        int n = in.dims() * numCases;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            switch (in.kind()) {
                case GAUSSIAN: v[i] = in.scale() * rng.nextGaussian(); break;
                case POSITIVE: v[i] = in.scale() * (0.1 + 0.9 * rng.nextDouble()); break;
                default: v[i] = rng.nextInt((int) in.scale()); break;
            }
        }
        if (nudge && in.kind() == org.jconvnet.api.layer.LayerCase.InputKind.GAUSSIAN) {
            separate(v, 1e-4);
        }
        return v;
    }

    /** Moves values so sorted neighbours are at least {@code gap} apart and none is near 0 or +-1.5. */
    static void separate(double[] v, double gap) {
        Integer[] idx = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(v[a], v[b]));
        for (int k = 1; k < idx.length; k++) {
            if (v[idx[k]] < v[idx[k - 1]] + gap) {
                v[idx[k]] = v[idx[k - 1]] + gap;
            }
        }
        for (int i = 0; i < v.length; i++) {
            for (double kink : new double[] {0, 1.5, -1.5}) {
                if (Math.abs(v[i] - kink) < gap / 4) {
                    v[i] = kink + (v[i] >= kink ? gap / 4 : -gap / 4);
                }
            }
        }
    }

    /** Norm-wise relative error {@code ||a - b|| / ||b||} (absolute when b is 0). */
    static double relErr(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new AssertionError("lengths differ: " + a.length + " vs " + b.length);
        }
        double num = 0;
        double den = 0;
        for (int i = 0; i < a.length; i++) {
            num += (a[i] - b[i]) * (a[i] - b[i]);
            den += b[i] * b[i];
        }
        return den == 0 ? Math.sqrt(num) : Math.sqrt(num / den);
    }

    /** Element-wise check of the golden README: {@code max|a-b| / max(|b|, 0.01 max|b|)}. */
    static double elementErr(double[] a, double[] b) {
        double maxB = 0;
        for (double x : b) {
            maxB = Math.max(maxB, Math.abs(x));
        }
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(Math.abs(b[i]), 0.01 * maxB + 1e-300));
        }
        return worst;
    }
}
