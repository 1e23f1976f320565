package org.jconvnet.train.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.api.io.Npy;
import org.jconvnet.api.io.NpyArray;
import org.jconvnet.api.layer.PassMode;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.layers.net.Net;
import org.jconvnet.layers.net.NetDefinition;
import org.jconvnet.train.data.ServedBatch;

/**
 * shownet's {@code --write-features}, as one numpy file: the activations of one layer for every
 * case of the test range, {@code NAME.npy} of shape (outputs, N), C order — the activation layout
 * itself (cuda-convnet.md §2.2), cases in test-range order — and the labels as {@code NAME.labels.npy} (1, N).
 */
public final class FeatureWriter {
    private FeatureWriter() {
    }

    /** Runs the batches forward and writes the features; returns the features file. */
    public static Path write(NetDefinition def, Net net, List<ServedBatch> batches, int mini, String layer, DType dtype,
                             Path dir, String name) {
        if (!def.layers().stream().anyMatch(l -> l.name().equals(layer))) {
            throw new JConvNetException("features: the net has no layer '" + layer + "'");
        }
        int outputs = def.layer(layer).outputs();
        long total = 0;
        for (ServedBatch b : batches) {
            total += b.numCases();
        }
        if ((long) outputs * total > Integer.MAX_VALUE - 16) {
            throw new JConvNetException("features: " + outputs + " x " + total + " values do not fit one .npy array here; "
                    + "use a smaller --test-range or a later layer");
        }
        int n = (int) total;
        double[] feats = new double[outputs * n];
        double[] labels = new double[n];
        int col = 0;
        for (ServedBatch b : batches) {
            for (int start = 0; start < b.numCases(); start += mini) {
                int m = Math.min(mini, b.numCases() - start);
                net.forward(b.slice(start, m), m, PassMode.TEST);
                double[] act = net.output(layer);
                for (int d = 0; d < outputs; d++) {
                    System.arraycopy(act, d * m, feats, d * n + col, m);
                }
                for (int j = 0; j < m; j++) {
                    labels[col + j] = b.label(start + j);
                }
                col += m;
            }
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new JConvNetException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        Path f = dir.resolve(name + ".npy");
        Npy.write(f, new NpyArray(new int[] {outputs, n}, false, dtype, feats));
        Npy.write(dir.resolve(name + ".labels.npy"), new NpyArray(new int[] {1, n}, false, dtype, labels));
        return f;
    }
}
