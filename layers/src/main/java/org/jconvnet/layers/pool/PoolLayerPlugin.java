package org.jconvnet.layers.pool;

import static org.jconvnet.layers.support.Cases.gaussian;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jconvnet.api.ApiVersion;
import org.jconvnet.api.kernel.contract.Pool;
import org.jconvnet.api.layer.Layer;
import org.jconvnet.api.layer.LayerCase;
import org.jconvnet.api.layer.LayerConfig;
import org.jconvnet.api.layer.LayerPlugin;
import org.jconvnet.api.layer.LayerRun;
import org.jconvnet.api.tensor.ImageShape;
import org.jconvnet.api.tensor.Tensor;
import org.jconvnet.layers.support.BaseLayer;
import org.jconvnet.layers.support.Cases;
import org.jconvnet.layers.support.Inputs;

/**
 * {@code type=pool} (cuda-convnet.md §3.5): per-channel max or average over {@code sizeX x sizeX}
 * windows starting at {@code start + o*stride}; windows hanging over the image edge are clipped
 * (average divides by the clipped count), never padded. Output side
 * {@code outputsX = ceil((S - start - sizeX)/stride) + 1} unless {@code outputsX} is given.
 *
 * <p>Keys: {@code inputs} (one), {@code pool} (max or avg), {@code channels}, {@code sizeX},
 * {@code stride}, {@code start} (0), {@code outputsX} (0 = automatic). Checked as in cuda-convnet:
 * square input, {@code 1 <= sizeX <= S}, {@code 1 <= stride <= sizeX}; also refused: an
 * {@code outputsX}/{@code start} that puts a whole window outside the image (its value would be
 * undefined). Relaxed: cuda-convnet required channels to be a multiple of 16 when gradients flow
 * through the layer; any channel count works here.
 */
public final class PoolLayerPlugin implements LayerPlugin {

    @Override
    public int apiVersion() {
        return ApiVersion.CURRENT;
    }

    @Override
    public String type() {
        return "pool";
    }

    @Override
    public Layer configure(LayerConfig c) {
        Inputs.count(c, 1, 1);
        String pool = c.definition().string("pool").toLowerCase(Locale.ROOT);
        if (!pool.equals("max") && !pool.equals("avg")) {
            throw c.error("pool", "unknown pooling '" + pool + "'; known: max, avg");
        }
        ImageShape in = Inputs.image(c, 0, c.definition().integer("channels"), "channels");
        int s = in.size();
        int sizeX = Inputs.atLeast(c, "sizeX", c.definition().integer("sizeX"), 1);
        if (sizeX > s) {
            throw c.error("sizeX", "sizeX=" + sizeX + " is larger than the input image (" + s + "x" + s + ")");
        }
        int stride = Inputs.atLeast(c, "stride", c.definition().integer("stride"), 1);
        if (stride > sizeX) {
            throw c.error("stride", "stride=" + stride + " is larger than sizeX=" + sizeX + ", so some pixels would never be pooled");
        }
        int start = c.definition().integer("start", 0);
        // long: start and outputsX are the user's and may be near the int limits.
        long outputsX = c.definition().integer("outputsX", 0);
        if (outputsX <= 0) {
            long span = (long) s - start - sizeX;
            outputsX = Math.floorDiv(span + stride - 1, stride) + 1;
        }
        if (outputsX <= 0 || (long) start + sizeX <= 0 || start + (outputsX - 1) * stride >= s) {
            throw c.error(c.definition().has("outputsX") && c.definition().integer("outputsX") > 0 ? "outputsX" : "start",
                    "with start=" + start + ", sizeX=" + sizeX + ", stride=" + stride + " and outputsX=" + outputsX
                            + " some pooling window lies entirely outside the " + s + "x" + s + " image");
        }
        // The check above bounds outputsX by 2*s + 1 (start > -sizeX >= -s), so it fits an int.
        ImageShape out = new ImageShape(in.channels(), (int) outputsX);
        return new PoolLayer(c.name(), pool.equals("avg"), in, out, sizeX, start, stride);
    }

    @Override
    public List<LayerCase> conformanceCases() {
        return List.of(
                Cases.of("seed-pool1-max", "pool1", "type=pool\npool=max\nstart=0\nsizeX=3\nstride=2\noutputsX=0\nchannels=64\n", "",
                        List.of(gaussian(64 * 32 * 32)), 4, 401),
                Cases.of("seed-pool2-max", "pool2", "type=pool\npool=max\nsizeX=3\nstride=2\nchannels=64\n", "",
                        List.of(gaussian(64 * 16 * 16)), 2, 402),
                Cases.of("avg-s32-edge", "p", "type=pool\npool=avg\nsizeX=3\nstride=2\nchannels=16\n", "",
                        List.of(gaussian(16 * 32 * 32)), 3, 403),
                Cases.of("max-s7-k2-batch1", "p", "type=pool\npool=max\nsizeX=2\nstride=2\nchannels=5\n", "",
                        List.of(gaussian(5 * 7 * 7)), 1, 404),
                Cases.of("avg-s7-k2", "p", "type=pool\npool=avg\nsizeX=2\nstride=2\nchannels=5\n", "",
                        List.of(gaussian(5 * 7 * 7)), 5, 405),
                Cases.of("max-start1-odd", "p", "type=pool\npool=max\nstart=1\nsizeX=3\nstride=2\nchannels=3\n", "",
                        List.of(gaussian(3 * 15 * 15)), 3, 406),
                Cases.of("avg-start-negative", "p", "type=pool\npool=avg\nstart=-1\nsizeX=3\nstride=1\nchannels=3\noutputsX=9\n", "",
                        List.of(gaussian(3 * 9 * 9)), 2, 407),
                Cases.of("max-cropped-s12", "p", "type=pool\npool=max\nsizeX=3\nstride=2\nchannels=64\n", "",
                        List.of(gaussian(64 * 12 * 12)), 3, 408));
    }

    /** A configured pooling layer. */
    static final class PoolLayer extends BaseLayer {
        private final boolean average;
        private final ImageShape in;
        private final int sizeX;
        private final int start;
        private final int stride;

        PoolLayer(String name, boolean average, ImageShape in, ImageShape out, int sizeX, int start, int stride) {
            super(name, "pool", out.rows(), out, imageMessage(average ? "avg-pooling" : "max-pooling", name, out),
                    List.of(), List.of());
            this.average = average;
            this.in = in;
            this.sizeX = sizeX;
            this.start = start;
            this.stride = stride;
        }

        private Pool.Shape shape() {
            return new Pool.Shape(in.channels(), in.size(), sizeX, start, stride, outputImage().orElseThrow().size(),
                    average);
        }

        @Override
        public void forward(LayerRun run) {
            run.launch(new Pool.Forward(shape(), run.numCases(), run.input(0), run.output()));
        }

        @Override
        public void backward(LayerRun run) {
            Optional<Tensor> g = run.inputGrad(0);
            if (g.isPresent()) {
                run.launch(new Pool.BackwardInput(shape(), run.numCases(), run.accumulate(0), run.input(0), run.output(),
                        run.outputGrad(), g.get()));
            }
        }
    }
}
