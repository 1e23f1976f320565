package org.jconvnet.layers.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.jconvnet.api.config.ConfigSection;
import org.jconvnet.api.kernel.contract.Bias;
import org.jconvnet.api.kernel.contract.Filter;
import org.jconvnet.api.layer.LayerConfig;
import org.jconvnet.api.layer.LayerRun;
import org.jconvnet.api.layer.LearningParams;
import org.jconvnet.api.layer.ParamRole;
import org.jconvnet.api.layer.ParamSpec;
import org.jconvnet.api.tensor.ImageShape;
import org.jconvnet.api.tensor.MatrixOrder;
import org.jconvnet.api.tensor.Tensor;

/**
 * A conv or local layer (cuda-convnet.md §3.2 and §3.3): one filter bank per input, the per-input
 * results summed, then one bias vector added through the {@code bias} kernel. The two types share
 * keys, geometry and kernels' argument lists; they differ in the weight shape (local has a bank per
 * module), in the biases (local's are always per module) and in the kernel family.
 */
public final class FilterLayer extends BaseLayer {
    private final List<FilterGeometry> geometry;
    private final List<Filter.Shape> shapes;
    private final int biasRepeat;

    private FilterLayer(String name, String type, ImageShape out, String message, List<ParamSpec> params,
                        List<FilterGeometry> geometry, int biasRepeat) {
        super(name, type, out.rows(), out, message, params, List.of());
        this.geometry = List.copyOf(geometry);
        boolean local = type.equals(Filter.LOCAL);
        this.shapes = geometry.stream().map(g -> g.shape(local)).toList();
        this.biasRepeat = biasRepeat;
    }

    /** The geometry of input {@code i}. */
    public FilterGeometry geometry(int i) {
        return geometry.get(i);
    }

    /**
     * Parses and validates a conv ({@code local == false}) or local layer.
     *
     * @throws org.jconvnet.api.config.ConfigException naming file, section and key
     */
    public static FilterLayer configure(LayerConfig c, boolean local) {
        String type = local ? "local" : "conv";
        Inputs.count(c, 1, Integer.MAX_VALUE);
        WeightKeys.rejectUnsupported(c);
        ConfigSection d = c.definition();
        int n = c.inputs().size();
        List<Integer> channels = d.perInput("channels", d.intList("channels"), n);
        List<Integer> filters = d.perInput("filters", d.intList("filters"), n);
        List<Integer> sizes = d.perInput("filterSize", d.intList("filterSize"), n);
        List<Integer> paddings = d.perInput("padding", d.intList("padding", Collections.nCopies(n, 0)), n);
        List<Integer> strides = d.perInput("stride", d.intList("stride", Collections.nCopies(n, 1)), n);
        List<Integer> groups = d.perInput("groups", d.intList("groups", Collections.nCopies(n, 1)), n);
        List<FilterGeometry> geo = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ImageShape img = Inputs.image(c, i, channels.get(i), "channels");
            int g = Inputs.atLeast(c, "groups", groups.get(i), 1);
            if (img.channels() % g != 0) {
                throw c.error("groups", "groups=" + g + " does not divide channels=" + img.channels()
                        + " (input '" + c.inputs().get(i).name() + "')");
            }
            int perGroup = Inputs.atLeast(c, "filters", filters.get(i), 1);
            int fs = Inputs.atLeast(c, "filterSize", sizes.get(i), 1);
            int pad = Inputs.atLeast(c, "padding", paddings.get(i), 0);
            int stride = Inputs.atLeast(c, "stride", strides.get(i), 1);
            if (fs > img.size() + 2L * pad) {
                throw c.error("filterSize", "filterSize=" + fs + " is larger than the padded image ("
                        + img.size() + " + 2*" + pad + " = " + (img.size() + 2L * pad) + ") of input '"
                        + c.inputs().get(i).name() + "'");
            }
            if (stride > fs) {
                throw c.error("stride", "stride=" + stride + " is larger than filterSize=" + fs
                        + ", so some pixels would never be read (cuda-convnet refuses this too)");
            }
            long modules = FilterGeometry.modules(img.size(), fs, pad, stride);
            // Only padding can make the module count exceed the input image; once m*m fits, m fits an int.
            Sizes.product(c, "padding", "the module count (" + modules + "x" + modules + ")", modules, modules);
            int m = (int) modules;
            int f = Sizes.product(c, "filters", "the filter count (filters=" + perGroup + " x groups=" + g + ")", perGroup, g);
            Sizes.product(c, "filters", "the outputs (" + f + " filters x " + m + "x" + m + " modules)", f, m, m);
            long rows = (long) (img.channels() / g) * fs * fs * (local ? (long) m * m : 1);
            Sizes.product(c, "filterSize", "the weight rows (" + img.channels() / g + " channels per group x "
                    + fs + "x" + fs + (local ? " x " + m + "x" + m + " modules" : "") + ")", rows);
            Sizes.product(c, "filters", "the weights (" + rows + " rows x " + f + " filters)", rows, f);
            geo.add(new FilterGeometry(img.channels(), img.size(), f, fs, pad, stride, g, m));
        }
        for (int i = 1; i < n; i++) {
            if (geo.get(i).filters() != geo.get(0).filters()) {
                throw c.error("filters", "every input must give the same number of filters (filters*groups): input 0 gives "
                        + geo.get(0).filters() + ", input " + i + " gives " + geo.get(i).filters());
            }
            if (geo.get(i).modulesX() != geo.get(0).modulesX()) {
                throw c.error("stride", "every input must give the same output size: input 0 gives "
                        + geo.get(0).modulesX() + "x" + geo.get(0).modulesX() + " modules, input " + i + " gives "
                        + geo.get(i).modulesX() + "x" + geo.get(i).modulesX());
            }
        }
        boolean shared = !local && d.bool("sharedBiases", true);
        if (!local && d.has("partialSum")) {
            // A performance knob of cuda-convnet's weight-gradient kernel; the sum is the same.
            Inputs.atLeast(c, "partialSum", d.integer("partialSum"), 0);
        }
        List<Double> initW = WeightKeys.initW(c, n, null);
        List<LearningParams> learning = WeightKeys.weightLearning(c, n);
        LearningParams biasLearning = WeightKeys.biasLearning(c);
        FilterGeometry g0 = geo.get(0);
        int f = g0.filters();
        int m = g0.modulesX();
        List<ParamSpec> params = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            FilterGeometry g = geo.get(i);
            int rows = g.filterChannels() * g.filterSize() * g.filterSize() * (local ? m * m : 1);
            params.add(new ParamSpec(ParamSpec.weightsName(i, n), ParamRole.WEIGHTS, i, rows, f, MatrixOrder.C,
                    initW.get(i), 0, learning.get(i)));
        }
        int biases = shared ? f : f * m * m;
        params.add(new ParamSpec(ParamSpec.BIASES, ParamRole.BIASES, -1, biases, 1, MatrixOrder.C, 0,
                WeightKeys.initB(c), biasLearning));
        ImageShape out = new ImageShape(f, m);
        String kind = local ? "locally-connected" : "convolutional";
        return new FilterLayer(c.name(), type, out, imageMessage(kind, c.name(), out), params, geo,
                shared ? m * m : 1);
    }

    @Override
    public void forward(LayerRun run) {
        int n = geometry.size();
        for (int i = 0; i < n; i++) {
            run.launch(new Filter.Forward(shapes.get(i), run.numCases(), i > 0, run.input(i),
                    run.param(ParamSpec.weightsName(i, n)), run.output()));
        }
        run.launch(new Bias.Forward(run.numCases(), biasRepeat, run.output(), run.param(ParamSpec.BIASES)));
    }

    @Override
    public void backward(LayerRun run) {
        int n = geometry.size();
        for (int i = 0; i < n; i++) {
            String w = ParamSpec.weightsName(i, n);
            Optional<Tensor> inGrad = run.inputGrad(i);
            if (inGrad.isPresent()) {
                run.launch(new Filter.BackwardInput(shapes.get(i), run.numCases(), run.accumulate(i), run.outputGrad(),
                        run.param(w), inGrad.get()));
            }
            Optional<Tensor> wGrad = run.paramGrad(w);
            if (wGrad.isPresent()) {
                run.launch(new Filter.BackwardWeights(shapes.get(i), run.numCases(), false, run.input(i),
                        run.outputGrad(), wGrad.get()));
            }
        }
        Optional<Tensor> bGrad = run.paramGrad(ParamSpec.BIASES);
        if (bGrad.isPresent()) {
            run.launch(new Bias.BackwardWeights(run.numCases(), biasRepeat, run.outputGrad(), bGrad.get()));
        }
    }
}
