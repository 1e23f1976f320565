package org.jconvnet.examples.cmpool;

import java.util.List;
import java.util.Map;
import org.jconvnet.api.ApiVersion;
import org.jconvnet.api.config.ConfigSection;
import org.jconvnet.api.kernel.Ops;
import org.jconvnet.api.layer.Layer;
import org.jconvnet.api.layer.LayerCase;
import org.jconvnet.api.layer.LayerCase.CaseInput;
import org.jconvnet.api.layer.LayerCase.InputKind;
import org.jconvnet.api.layer.LayerCase.Tolerance;
import org.jconvnet.api.layer.LayerConfig;
import org.jconvnet.api.layer.LayerInput;
import org.jconvnet.api.layer.LayerPlugin;

/**
 * {@code type=cmpool}: cuda-convnet2's cross-map pooling, max only. Keys (layer-definition file):
 * {@code inputs} (exactly one), {@code pool} (must be {@code max}), {@code channels},
 * {@code size} (1..channels), {@code stride} (1..size), {@code start} (default 0, at most 0),
 * {@code outputs} (output channels; default 0 = as many as cover every channel). No
 * layer-parameter section is needed. Every error names file, section and key.
 */
public final class CmPoolPlugin implements LayerPlugin {

    @Override
    public int apiVersion() {
        // A compile-time constant: javac copies the value of the API this plugin was built against.
        return ApiVersion.CURRENT;
    }

    @Override
    public String type() {
        return CmPoolContract.TYPE;
    }

    @Override
    public Layer configure(LayerConfig config) {
        ConfigSection def = config.definition();
        if (config.inputs().size() != 1) {
            throw config.error("inputs", "cross-map pooling takes exactly one input, got " + config.inputs().size());
        }
        LayerInput in = config.inputs().get(0);
        String pool = def.string("pool");
        if (!pool.equals("max")) {
            throw config.error("pool", "cross-map pooling supports only pool=max (as cuda-convnet2), got '" + pool + "'");
        }
        int channels = def.integer("channels");
        if (channels < 1) {
            throw config.error("channels", "must be at least 1, got " + channels);
        }
        int imgSize = imageSize(config, in, channels);
        int size = def.integer("size");
        if (size < 1 || size > channels) {
            throw config.error("size", "must be in 1.." + channels + " (channels), got " + size);
        }
        int stride = def.integer("stride");
        if (stride < 1 || stride > size) {
            throw config.error("stride", "must be in 1.." + size + " (size), got " + stride);
        }
        int start = def.integer("start", 0);
        if (start > 0 || start <= -size) {
            throw config.error("start", "must be in " + (1 - size) + "..0 so that window 0 holds a channel, got " + start);
        }
        int outputs = def.integer("outputs", 0);
        if (outputs < 0) {
            throw config.error("outputs", "must be 0 (automatic) or positive, got " + outputs);
        }
        if (outputs == 0) {
            outputs = CmPoolGeometry.automaticOutputs(channels, size, start, stride);
        }
        int covered = start + (outputs - 1) * stride + size;
        if (covered < channels) {
            throw config.error("outputs", "cross-map pooling with start=" + start + ", stride=" + stride + ", size="
                    + size + ", outputs=" + outputs + " covers only " + covered + " of " + channels + " input channels");
        }
        if (start + (outputs - 1) * stride >= channels) {
            throw config.error("outputs", "outputs=" + outputs + " makes window " + (outputs - 1) + " start at channel "
                    + (start + (outputs - 1) * stride) + ", past the last of " + channels + " channels");
        }
        return new CmPoolLayer(config.name(), new CmPoolGeometry(channels, imgSize, size, start, stride, outputs));
    }

    private static int imageSize(LayerConfig config, LayerInput in, int channels) {
        if (in.outputs() % channels != 0) {
            throw config.error("channels", "input '" + in.name() + "' has " + in.outputs()
                    + " outputs, not a multiple of channels=" + channels);
        }
        int pixels = in.outputs() / channels;
        int side = (int) Math.round(Math.sqrt(pixels));
        if (side * side != pixels) {
            throw config.error("channels", "input '" + in.name() + "' has " + in.outputs() + " outputs = " + channels
                    + " channels x " + pixels + " pixels, which is not a square image");
        }
        if (in.image().isPresent() && in.image().get().channels() != channels) {
            throw config.error("channels", "input '" + in.name() + "' produces " + in.image().get().describe()
                    + " output, but channels=" + channels);
        }
        return side;
    }

    /**
     * Four cases: overlapping windows, a negative start with clipped edge windows, disjoint
     * windows (stride = size), and a single window over every channel. Forward and backward are
     * exact selections and sums of a few values, hence the tight tolerance.
     */
    @Override
    public List<LayerCase> conformanceCases() {
        return List.of(
                caseOf("overlap-size3-stride2", 8, 5, "size=3\nstride=2\n", 7, 11),
                caseOf("start-1-clipped-edges", 6, 4, "size=4\nstride=3\nstart=-1\n", 5, 12),
                caseOf("disjoint-size2-stride2", 16, 3, "size=2\nstride=2\noutputs=8\n", 9, 13),
                caseOf("one-window-all-channels", 5, 6, "size=5\nstride=1\noutputs=1\n", 4, 14));
    }

    private static LayerCase caseOf(String name, int channels, int imgSize, String keys, int numCases, long seed) {
        String layers = "[data]\ntype=data\ndataIdx=0\n\n"
                + "[cmp]\ntype=cmpool\ninputs=data\npool=max\nchannels=" + channels + "\n" + keys;
        Tolerance exact = new Tolerance(1e-6,
                "max pooling selects one input value and backward sums at most size gradients:"
                        + " only float32 rounding of the inputs separates a backend from the float64 reference");
        return new LayerCase(name, "cmp", layers, "",
                List.of(new CaseInput(channels * imgSize * imgSize, InputKind.GAUSSIAN, 1.0)),
                numCases, seed, Map.of(Ops.FORWARD, exact, Ops.BACKWARD_INPUT, exact));
    }
}
