package org.jconvnet.conformance.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jconvnet.api.layer.Layer;
import org.jconvnet.api.layer.ParamSpec;
import org.jconvnet.api.layer.PassMode;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.layers.net.Net;
import org.jconvnet.layers.net.NetDefinition;

/**
 * One net definition bound twice: on the float64 CPU reference and on the backend under test, with
 * identical parameters (initialised on the reference, rounded to float32, copied to both).
 */
final class TwinNets implements AutoCloseable {
    final NetDefinition def;
    final Net ref;
    final Net test;

    private TwinNets(NetDefinition def, Net ref, Net test) {
        this.def = def;
        this.ref = ref;
        this.test = test;
    }

    /** Binds {@code def} on both sides and gives both the same parameters drawn with {@code seed}. */
    static TwinNets create(NetDefinition def, CheckContext ctx, long seed) {
        Net ref = new Net(def, ctx.reference(), DType.FLOAT64);
        Net test;
        try {
            test = new Net(def, ctx.backend(), ctx.dtype());
        } catch (RuntimeException | Error e) {
            ref.close();
            throw e;
        }
        TwinNets twins = new TwinNets(def, ref, test);
        try {
            ref.initParams(seed);
            for (ParamRef p : params(def)) {
                double[] v = RandomData.round32(ref.getParam(p.layer(), p.param()));
                ref.setParam(p.layer(), p.param(), v);
                test.setParam(p.layer(), p.param(), v);
            }
            ref.computeDataGradients(true);
            test.computeDataGradients(true);
        } catch (RuntimeException | Error e) {
            twins.close();
            throw e;
        }
        return twins;
    }

    /** Runs the same forward pass on both sides. */
    void forward(Map<Integer, double[]> data, int numCases) {
        ref.forward(data, numCases, PassMode.TRAIN);
        test.forward(data, numCases, PassMode.TRAIN);
    }

    /** A parameter of a layer. */
    record ParamRef(String layer, String param) {
    }

    /** Every parameter of every layer, in net order. */
    static List<ParamRef> params(NetDefinition def) {
        List<ParamRef> out = new ArrayList<>();
        for (Layer l : def.layers()) {
            for (ParamSpec s : l.params()) {
                out.add(new ParamRef(l.name(), s.name()));
            }
        }
        return out;
    }

    /** The data layers, as (data index, layer name). */
    static List<Map.Entry<Integer, String>> dataLayers(NetDefinition def) {
        List<Map.Entry<Integer, String>> out = new ArrayList<>();
        for (Layer l : def.layers()) {
            l.dataIndex().ifPresent(i -> out.add(Map.entry(i, l.name())));
        }
        return out;
    }

    @Override
    public void close() {
        try {
            test.close();
        } finally {
            ref.close();
        }
    }
}
