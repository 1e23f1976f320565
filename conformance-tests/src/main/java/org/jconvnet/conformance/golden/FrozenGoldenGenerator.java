package org.jconvnet.conformance.golden;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.StringJoiner;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.backend.BackendConfig;
import org.jconvnet.api.backend.BackendRegistry;
import org.jconvnet.api.io.Npy;
import org.jconvnet.api.io.NpyArray;
import org.jconvnet.api.layer.Layer;
import org.jconvnet.api.layer.LayerCase;
import org.jconvnet.api.layer.LayerPluginRegistry;
import org.jconvnet.api.layer.ParamSpec;
import org.jconvnet.api.layer.PassMode;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.conformance.check.RandomData;
import org.jconvnet.layers.net.Net;
import org.jconvnet.layers.net.NetDefinition;
import org.jconvnet.layers.net.NetSource;

/**
 * Produces the suite's frozen golden cases (see {@link FrozenCase}) by running the float64 CPU
 * reference once. Run it only when a change to the reference is intended, and review the diff of
 * the {@code .npy} files it rewrites:
 *
 * <pre>
 * java -cp &lt;conformance jar and its dependencies&gt; org.jconvnet.conformance.golden.FrozenGoldenGenerator \
 *      conformance-tests/src/main/resources/org/jconvnet/conformance/frozen
 * </pre>
 */
public final class FrozenGoldenGenerator {
    private FrozenGoldenGenerator() {
    }

    /** A case to freeze: a small net ending in a cost layer, its inputs, N and seed. */
    record Spec(String name, String layersCfg, String paramsCfg, List<LayerCase.CaseInput> inputs, int numCases, long seed) {
    }

    private static final String LEARNING = "epsW=0.001\nepsB=0.002\nmomW=0.9\nmomB=0.9\nwc=0.004\n";

    /** The frozen cases: between them every built-in layer type, forward and backward. */
    static List<Spec> specs() {
        return List.of(
                new Spec("small-convnet",
                        "[data]\ntype=data\ndataIdx=0\n\n[labels]\ntype=data\ndataIdx=1\n\n"
                                + "[conv1]\ntype=conv\ninputs=data\nchannels=3\nfilters=16\nfilterSize=3\npadding=1\nstride=1\n"
                                + "initW=0.1\npartialSum=0\nsharedBiases=1\ninitB=0.1\nneuron=relu\n\n"
                                + "[pool1]\ntype=pool\npool=max\ninputs=conv1\nstart=0\nsizeX=3\nstride=2\noutputsX=0\nchannels=16\n\n"
                                + "[rnorm1]\ntype=cmrnorm\ninputs=pool1\nchannels=16\nsize=5\n\n"
                                + "[local2]\ntype=local\ninputs=rnorm1\nchannels=16\nfilters=16\nfilterSize=3\npadding=0\nstride=1\n"
                                + "initW=0.1\ninitB=0.05\nneuron=relu\n\n"
                                + "[fc10]\ntype=fc\ninputs=local2\noutputs=10\ninitW=0.1\n\n"
                                + "[probs]\ntype=softmax\ninputs=fc10\n\n"
                                + "[logprob]\ntype=cost.logreg\ninputs=labels,probs\n",
                        "[conv1]\n" + LEARNING + "\n[rnorm1]\nscale=0.01\npow=0.75\n\n[local2]\n" + LEARNING
                                + "\n[fc10]\n" + LEARNING + "\n[logprob]\ncoeff=1\n",
                        List.of(new LayerCase.CaseInput(3 * 8 * 8, LayerCase.InputKind.GAUSSIAN, 1.0),
                                new LayerCase.CaseInput(1, LayerCase.InputKind.LABELS, 10)),
                        4, 101),
                new Spec("norms-and-neurons",
                        "[data]\ntype=data\ndataIdx=0\n\n[labels]\ntype=data\ndataIdx=1\n\n"
                                + "[conv1]\ntype=conv\ninputs=data\nchannels=4\nfilters=16\nfilterSize=3\npadding=1\nstride=1\n"
                                + "initW=0.2\npartialSum=0\nsharedBiases=0\nneuron=tanh[1.7159,0.6667]\n\n"
                                + "[rnorm1]\ntype=rnorm\ninputs=conv1\nchannels=16\nsize=3\n\n"
                                + "[pool1]\ntype=pool\npool=avg\ninputs=rnorm1\nstart=0\nsizeX=2\nstride=2\noutputsX=0\nchannels=16\n\n"
                                + "[fc1]\ntype=fc\ninputs=pool1\noutputs=8\ninitW=0.1\nneuron=logistic\n\n"
                                + "[fc2]\ntype=fc\ninputs=fc1,pool1\noutputs=6\ninitW=0.3,0.1\n\n"
                                + "[probs]\ntype=softmax\ninputs=fc2\n\n"
                                + "[logprob]\ntype=cost.logreg\ninputs=labels,probs\n",
                        "[conv1]\n" + LEARNING + "\n[rnorm1]\nscale=0.01\npow=0.75\n\n[fc1]\n" + LEARNING
                                + "\n[fc2]\nepsW=0.001,0.001\nepsB=0.002\nmomW=0.9,0.9\nmomB=0.9\nwc=0.004,0.004\n"
                                + "\n[logprob]\ncoeff=1\n",
                        List.of(new LayerCase.CaseInput(4 * 6 * 6, LayerCase.InputKind.GAUSSIAN, 1.0),
                                new LayerCase.CaseInput(1, LayerCase.InputKind.LABELS, 6)),
                        3, 202),
                new Spec("cnorm-elementwise-sum2",
                        "[data]\ntype=data\ndataIdx=0\n\n"
                                + "[conv1]\ntype=conv\ninputs=data\nchannels=4\nfilters=16\nfilterSize=3\npadding=1\nstride=1\n"
                                + "initW=0.2\npartialSum=0\nsharedBiases=1\ninitB=0.1\n\n"
                                + "[cnorm1]\ntype=cnorm\ninputs=conv1\nchannels=16\nsize=3\n\n"
                                + "[sum1]\ntype=eltsum\ninputs=conv1,cnorm1\ncoeffs=1.5,-0.5\n\n"
                                + "[max1]\ntype=eltmax\ninputs=sum1,cnorm1\nneuron=abs\n\n"
                                + "[pool1]\ntype=pool\npool=max\ninputs=max1\nstart=1\nsizeX=3\nstride=2\noutputsX=0\nchannels=16\n\n"
                                + "[fc1]\ntype=fc\ninputs=pool1\noutputs=7\ninitW=0.1\nneuron=softrelu\n\n"
                                + "[cost]\ntype=cost.sum2\ninputs=fc1\n",
                        "[conv1]\n" + LEARNING + "\n[cnorm1]\nscale=0.5\npow=0.75\n\n[fc1]\n" + LEARNING
                                + "\n[cost]\ncoeff=0.5\n",
                        List.of(new LayerCase.CaseInput(4 * 7 * 7, LayerCase.InputKind.GAUSSIAN, 1.0)),
                        3, 303));
    }

    /**
     * Writes every frozen case under {@code args[0]} (default: this module's resource folder when run
     * from the repository root) and the index.
     */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "conformance-tests/src/main/resources/" + FrozenCase.ROOT);
        ClassLoader cl = FrozenGoldenGenerator.class.getClassLoader();
        LayerPluginRegistry plugins = LayerPluginRegistry.discover(cl);
        BackendRegistry backends = BackendRegistry.discover(cl);
        StringBuilder index = new StringBuilder("# The suite's frozen golden cases, written by FrozenGoldenGenerator.\n");
        try (Backend cpu = backends.find("cpu").orElseThrow(() -> new IllegalStateException("no CPU reference backend"))
                .create(BackendConfig.defaults())) {
            for (Spec s : specs()) {
                write(out.resolve(s.name()), s, plugins, cpu);
                index.append(s.name()).append('\n');
                System.out.println("froze " + s.name() + " into " + out.resolve(s.name()));
            }
        }
        Files.writeString(out.resolve("index.txt"), index.toString(), StandardCharsets.UTF_8);
    }

    private static void write(Path dir, Spec s, LayerPluginRegistry plugins, Backend cpu) throws IOException {
        Files.createDirectories(dir);
        NetDefinition def = NetDefinition.load(new NetSource(s.name() + " layers.cfg", s.layersCfg()),
                new NetSource(s.name() + " params.cfg", s.paramsCfg()), idx -> s.inputs().get(idx).dims(), plugins,
                new NetDefinition.Options(true));
        Files.writeString(dir.resolve("layers.cfg"), s.layersCfg(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("params.cfg"), s.paramsCfg(), StandardCharsets.UTF_8);
        Map<Integer, double[]> data = RandomData.inputs(s.inputs(), s.numCases(), new SplittableRandom(s.seed()));
        List<String> params = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        StringJoiner labels = new StringJoiner(",");
        StringBuilder props = new StringBuilder("# Written by FrozenGoldenGenerator; see FrozenCase.\n");
        props.append("numCases=").append(s.numCases()).append('\n');
        for (int i = 0; i < s.inputs().size(); i++) {
            props.append("dims.").append(i).append('=').append(s.inputs().get(i).dims()).append('\n');
            if (s.inputs().get(i).kind() == LayerCase.InputKind.LABELS) {
                labels.add(String.valueOf(i));
            }
            npy(dir, "data." + i, s.inputs().get(i).dims(), s.numCases(), data.get(i));
        }
        try (Net net = new Net(def, cpu, DType.FLOAT64)) {
            net.initParams(s.seed());
            for (Layer l : def.layers()) {
                for (ParamSpec p : l.params()) {
                    double[] v = RandomData.round32(net.getParam(l.name(), p.name()));
                    net.setParam(l.name(), p.name(), v);
                    params.add(l.name() + ":" + p.name());
                    npy(dir, l.name() + "." + p.name(), (int) p.size(), 1, v);
                }
            }
            net.computeDataGradients(true);
            net.forward(data, s.numCases(), PassMode.TRAIN);
            net.backward();
            for (Layer l : def.layers()) {
                if (l.dataIndex().isPresent()) {
                    int idx = l.dataIndex().get();
                    if (s.inputs().get(idx).kind() != LayerCase.InputKind.LABELS) {
                        npy(dir, "data." + idx + ".grad", l.outputs(), s.numCases(), net.outputGrad(l.name()));
                    }
                    continue;
                }
                outputs.add(l.name());
                double[] o = net.output(l.name());
                boolean perCase = o.length % s.numCases() == 0;
                npy(dir, l.name() + ".output", perCase ? o.length / s.numCases() : o.length, perCase ? s.numCases() : 1, o);
                for (ParamSpec p : l.params()) {
                    npy(dir, l.name() + "." + p.name() + ".grad", (int) p.size(), 1, net.getParamGrad(l.name(), p.name()));
                }
            }
        }
        props.append("labels=").append(labels).append('\n');
        props.append("outputs=").append(String.join(",", outputs)).append('\n');
        props.append("params=").append(String.join(",", params)).append('\n');
        Files.writeString(dir.resolve("case.properties"), props.toString(), StandardCharsets.UTF_8);
    }

    private static void npy(Path dir, String name, int rows, int cols, double[] v) {
        Npy.write(dir.resolve(name + ".npy"), NpyArray.matrix(rows, cols, DType.FLOAT64, v));
    }
}
