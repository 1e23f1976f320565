package org.jconvnet.train.interop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.api.io.Npy;
import org.jconvnet.api.io.NpyArray;
import org.jconvnet.api.layer.ParamSpec;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.api.tensor.MatrixOrder;
import org.jconvnet.layers.net.Net;
import org.jconvnet.layers.net.NetDefinition;
import org.jconvnet.train.checkpoint.NetParams;

/**
 * Reads and writes a net's parameters as one {@code .npy} per matrix: {@code <layer>.weights.npy}
 * (or {@code <layer>.weights.<i>.npy} for input i of a multi-input layer) and
 * {@code <layer>.biases.npy}. Shapes and orders are cuda-convnet's (cuda-convnet.md §2.4/§2.5): conv
 * {@code (Cf*fs^2, F)} C, local {@code (M^2*Cf*fs^2, F)} C, fc {@code (D_in, D_out)} Fortran, conv
 * biases {@code (F, 1)}, fc biases {@code (1, D_out)}. Reading honours the file's
 * {@code fortran_order}: a C-ordered file of the right shape for a Fortran-ordered parameter is
 * reordered, so numpy users need not care.
 *
 * <p>Beside them, {@value #DATA_MEAN} holds the per-pixel mean the model was trained with (as
 * cuda-convnet's {@code batches.meta} {@code data_mean}, shape {@code (3072, 1)}, float64 so that it is
 * exact): {@code --init-from} subtracts that mean instead of recomputing it from the training batches,
 * so a model can be evaluated where only the test batch is.
 */
public final class WeightsIo {
    /** The data mean's file name in an exported directory. */
    public static final String DATA_MEAN = "data-mean.npy";

    /** One mean value per CIFAR-10 pixel and channel. */
    private static final int DATA_MEAN_VALUES = 3 * 32 * 32;

    private WeightsIo() {
    }

    /** Writes the data mean as {@code dir/}{@value #DATA_MEAN}; returns the file. */
    public static Path exportDataMean(double[] mean, Path dir) {
        Path f = dir.resolve(DATA_MEAN);
        Npy.write(f, new NpyArray(new int[] {mean.length, 1}, false, DType.FLOAT64, mean));
        return f;
    }

    /**
     * The data mean of an exported directory, empty when {@code dir} has no {@value #DATA_MEAN}
     * (weights exported by an older version or written by other tools).
     *
     * @throws JConvNetException when the file does not hold one value per CIFAR-10 pixel and channel
     */
    public static java.util.Optional<double[]> readDataMean(Path dir) {
        Path f = dir.resolve(DATA_MEAN);
        if (!Files.isRegularFile(f)) {
            return java.util.Optional.empty();
        }
        NpyArray a = Npy.read(f);
        if (a.data().length != DATA_MEAN_VALUES) {
            throw new JConvNetException("--init-from " + dir + ": " + DATA_MEAN + " has shape " + a.shapeText()
                    + ", a data mean has " + DATA_MEAN_VALUES + " values (one per CIFAR-10 pixel and channel)");
        }
        return java.util.Optional.of(a.data());
    }

    /** The file name of a parameter, e.g. {@code conv1.weights.npy}. */
    public static String fileName(String layer, String param) {
        return layer + "." + param + ".npy";
    }

    /**
     * Writes every parameter of the net into {@code dir} in the net's precision (float32 for
     * cuda-convnet nets); returns the files written.
     */
    public static List<Path> export(NetDefinition def, Net net, DType dtype, Path dir) {
        return export(def, net::getParam, dtype, dir);
    }

    /**
     * Writes every parameter as {@code dir/<layer>.<param>.npy}, taking the values from
     * {@code values} (layer, parameter name) in the net's own layout; no device is needed.
     */
    public static List<Path> export(NetDefinition def, java.util.function.BiFunction<String, String, double[]> values,
                                    DType dtype, Path dir) {
        List<Path> out = new ArrayList<>();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new JConvNetException("cannot create " + dir + ": " + e.getMessage(), e);
        }
        for (NetParams.Entry e : NetParams.entries(def)) {
            ParamSpec s = e.spec();
            Path f = dir.resolve(fileName(e.layer(), s.name()));
            Npy.write(f, new NpyArray(new int[] {s.rows(), s.cols()}, s.order() == MatrixOrder.FORTRAN, dtype,
                    values.apply(e.layer(), s.name())));
            out.add(f);
        }
        return out;
    }

    /**
     * Sets every parameter of the net from {@code dir}. Momentum buffers are left as they are
     * (zero after initialisation).
     *
     * @throws JConvNetException naming the file and the expected and actual shapes, or the missing files
     */
    public static void initFrom(NetDefinition def, Net net, Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new JConvNetException("--init-from " + dir + ": no such directory");
        }
        List<String> missing = new ArrayList<>();
        for (NetParams.Entry e : NetParams.entries(def)) {
            if (!Files.isRegularFile(dir.resolve(fileName(e.layer(), e.spec().name())))) {
                missing.add(fileName(e.layer(), e.spec().name()));
            }
        }
        if (!missing.isEmpty()) {
            throw new JConvNetException("--init-from " + dir + ": missing " + String.join(", ", missing));
        }
        for (NetParams.Entry e : NetParams.entries(def)) {
            ParamSpec s = e.spec();
            Path f = dir.resolve(fileName(e.layer(), s.name()));
            net.setParam(e.layer(), s.name(), read(f, s));
        }
    }

    /** Reads one parameter file, checking its shape and converting its order to the parameter's. */
    public static double[] read(Path f, ParamSpec s) {
        NpyArray a = Npy.read(f);
        int[] shape = a.shape();
        boolean vectorOk = s.role() == org.jconvnet.api.layer.ParamRole.BIASES && shape.length == 1 && shape[0] == s.size();
        if (!vectorOk && (shape.length != 2 || shape[0] != s.rows() || shape[1] != s.cols())) {
            throw new JConvNetException(f + ": shape " + a.shapeText() + ", expected (" + s.rows() + ", " + s.cols() + ") "
                    + (s.order() == MatrixOrder.FORTRAN ? "Fortran-ordered" : "C-ordered") + " for " + s.name()
                    + " (cuda-convnet's shape and order for this parameter)");
        }
        boolean fileFortran = a.fortranOrder() && shape.length == 2;
        boolean wantFortran = s.order() == MatrixOrder.FORTRAN;
        if (vectorOk || fileFortran == wantFortran || s.rows() == 1 || s.cols() == 1) {
            return a.data();
        }
        // Same logical matrix, other memory order: transpose the flat buffer.
        double[] src = a.data();
        double[] out = new double[src.length];
        int rows = s.rows();
        int cols = s.cols();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int from = fileFortran ? c * rows + r : r * cols + c;
                int to = wantFortran ? c * rows + r : r * cols + c;
                out[to] = src[from];
            }
        }
        return out;
    }
}
