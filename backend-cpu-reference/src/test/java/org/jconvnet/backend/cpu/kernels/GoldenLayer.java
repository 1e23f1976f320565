package org.jconvnet.backend.cpu.kernels;

import java.util.List;
import java.util.Map;
import org.jconvnet.api.io.NpyArray;
import org.jconvnet.api.kernel.Ops;
import org.jconvnet.api.tensor.DType;

/**
 * Test helper: runs one cuda-convnet layer section of a golden case forward through the CPU
 * kernels, deriving the kernels' integers from the section's keys as cuda-convnet.md §3.2 to §3.10 do.
 */
final class GoldenLayer {
    private static final List<String> NEURONS =
            List.of("ident", "relu", "logistic", "tanh", "abs", "square", "sqrt", "linear", "softrelu", "brelu");

    private GoldenLayer() {
    }

    static double[] forward(Map<String, String> sec, Map<String, String> params, List<NpyArray> inputs,
                            List<NpyArray> weights, NpyArray biases, int n, DType dtype) {
        String type = sec.get("type");
        double[] in = inputs.get(0).data();
        int rows = in.length / n;
        switch (type) {
            case "conv":
            case "local":
                return conv(sec, type, in, rows, weights.get(0), biases, n, dtype);
            case "fc":
                return fc(sec, inputs, weights, biases, n, dtype);
            case "pool":
                return pool(sec, in, rows, n, dtype);
            case "cmrnorm":
            case "rnorm":
                return norm(sec, params, type, in, rows, n, dtype);
            case "neuron":
                return neuron(sec.get("neuron"), in, rows, n, dtype);
            case "softmax":
                return Launch.of(dtype).integer("numCases", n).integer("classes", rows).tensor("input", rows, n, in)
                        .zeros("output", rows, n).run("softmax", Ops.FORWARD).get("output");
            default:
                throw new IllegalArgumentException("no golden runner for layer type " + type);
        }
    }

    private static int key(Map<String, String> sec, String name, int dflt) {
        String v = sec.get(name);
        return v == null ? dflt : Integer.parseInt(v.split(",")[0].trim());
    }

    private static int side(int rows, int channels) {
        return (int) Math.round(Math.sqrt(rows / (double) channels));
    }

    private static double[] conv(Map<String, String> sec, String type, double[] in, int rows, NpyArray w,
                                 NpyArray biases, int n, DType dtype) {
        int channels = key(sec, "channels", 0);
        int groups = key(sec, "groups", 1);
        int filters = key(sec, "filters", 0) * groups;
        int fs = key(sec, "filterSize", 0);
        int pad = key(sec, "padding", 0);
        int stride = key(sec, "stride", 1);
        int s = side(rows, channels);
        int m = 1 + (2 * pad + s - fs + stride - 1) / stride;
        boolean shared = type.equals("conv") && key(sec, "sharedBiases", 1) != 0;
        Launch l = Launch.of(dtype).integer("numCases", n).integer("channels", channels).integer("imgSize", s)
                .integer("filters", filters).integer("filterSize", fs).integer("padding", pad)
                .integer("stride", stride).integer("modulesX", m).integer("groups", groups).integer("accumulate", 0)
                .tensor("input", rows, n, in).tensor("weights", w.rows(), filters, w.data())
                .zeros("output", filters * m * m, n).run(type, Ops.FORWARD);
        return l.tensor("biases", biases.data().length, 1, biases.data()).integer("repeat", shared ? m * m : 1)
                .run("bias", Ops.FORWARD).get("output");
    }

    private static double[] fc(Map<String, String> sec, List<NpyArray> inputs, List<NpyArray> weights,
                               NpyArray biases, int n, DType dtype) {
        int outputs = key(sec, "outputs", 0);
        Launch l = Launch.of(dtype).integer("numCases", n).integer("outputs", outputs).zeros("output", outputs, n);
        for (int i = 0; i < inputs.size(); i++) {
            double[] in = inputs.get(i).data();
            int din = in.length / n;
            l.integer("inputs", din).integer("accumulate", i == 0 ? 0 : 1).tensor("input", din, n, in)
                    .tensor("weights", din, outputs, weights.get(i).data()).run("fc", Ops.FORWARD);
        }
        return l.tensor("biases", 1, outputs, biases.data()).integer("repeat", 1).run("bias", Ops.FORWARD)
                .get("output");
    }

    private static double[] pool(Map<String, String> sec, double[] in, int rows, int n, DType dtype) {
        int channels = key(sec, "channels", 0);
        int s = side(rows, channels);
        int sizeX = key(sec, "sizeX", 0);
        int start = key(sec, "start", 0);
        int stride = key(sec, "stride", 1);
        int outputsX = key(sec, "outputsX", 0);
        if (outputsX <= 0) {
            outputsX = -Math.floorDiv(-(s - start - sizeX), stride) + 1;
        }
        return Launch.of(dtype).integer("numCases", n).integer("channels", channels).integer("imgSize", s)
                .integer("sizeX", sizeX).integer("start", start).integer("stride", stride)
                .integer("outputsX", outputsX).integer("average", sec.get("pool").equals("avg") ? 1 : 0)
                .tensor("input", rows, n, in).zeros("output", channels * outputsX * outputsX, n)
                .run("pool", Ops.FORWARD).get("output");
    }

    private static double[] norm(Map<String, String> sec, Map<String, String> params, String type, double[] in,
                                 int rows, int n, DType dtype) {
        int channels = key(sec, "channels", 0);
        int size = key(sec, "size", 0);
        double scale = Double.parseDouble(params.get("scale"));
        double addScale = type.equals("cmrnorm") ? scale / size : scale / (size * size);
        return Launch.of(dtype).integer("numCases", n).integer("channels", channels)
                .integer("imgSize", side(rows, channels)).integer("size", size)
                .integer("blocked", key(sec, "blocked", 0)).real("addScale", addScale)
                .real("pow", Double.parseDouble(params.get("pow")))
                .real("minDiv", Double.parseDouble(params.getOrDefault("minDiv", "1")))
                .tensor("input", rows, n, in).zeros("output", rows, n).zeros("denoms", rows, n)
                .run(type, Ops.FORWARD).get("output");
    }

    /** Parses cuda-convnet's {@code name[a,b]} neuron syntax and runs the neuron kernel. */
    static double[] neuron(String spec, double[] in, int rows, int n, DType dtype) {
        String name = spec.contains("[") ? spec.substring(0, spec.indexOf('[')) : spec;
        double a = 0;
        double b = 0;
        if (spec.contains("[")) {
            String[] p = spec.substring(spec.indexOf('[') + 1, spec.indexOf(']')).split(",");
            a = Double.parseDouble(p[0]);
            b = p.length > 1 ? Double.parseDouble(p[1]) : 0;
        }
        return Launch.of(dtype).integer("numCases", n).integer("function", NEURONS.indexOf(name)).real("a", a)
                .real("b", b).tensor("input", rows, n, in).zeros("output", rows, n).run("neuron", Ops.FORWARD)
                .get("output");
    }
}
