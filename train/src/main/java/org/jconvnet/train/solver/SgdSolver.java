package org.jconvnet.train.solver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jconvnet.api.kernel.KernelKey;
import org.jconvnet.api.kernel.Ops;
import org.jconvnet.api.kernel.contract.Sgd;
import org.jconvnet.api.layer.Layer;
import org.jconvnet.api.tensor.Tensor;
import org.jconvnet.layers.net.Net;
import org.jconvnet.layers.net.Parameter;

/**
 * cuda-convnet's update rule (cuda-convnet.md §5.3): SGD with momentum and L2 weight decay, per
 * parameter with the settings of the layer-params file ({@code epsW}/{@code epsB},
 * {@code momW}/{@code momB}, {@code wc}):
 * {@code V = mom*V - (eps/N)*G - eps*wc*W; W += V}, eps read at the training progress, N the case
 * count of the net's last forward, G the gradient summed over those cases. Each update is one
 * launch of the backend's {@code tensor/sgd} kernel, layer by layer in net order, weights before
 * biases; a parameter whose learning rate is zero is left alone.
 *
 * <p>The momentum buffers {@code V} are this solver's, one per parameter (frozen ones too, so a
 * checkpoint holds one for every parameter), and start at zero.
 *
 * <p>Not thread-safe.
 */
public final class SgdSolver implements Solver {
    private static final String SGD_TYPE = "tensor";

    private final Net net;
    private final Map<String, Tensor> momentum = new LinkedHashMap<>();
    private final List<LayerUpdate> updates = new ArrayList<>();
    private boolean closed;

    /** One layer's parameters that learn, with their momentum buffers, updated together (and timed together). */
    private record LayerUpdate(Layer layer, List<Parameter> params, List<Tensor> incs) {
    }

    /** Binds the rule to {@code net}, with every momentum buffer zero. */
    public SgdSolver(Net net) {
        this.net = net;
        LayerUpdate current = null;
        try {
            for (Parameter p : net.parameters()) {
                Tensor inc = net.backend().allocate(p.spec().rows(), p.spec().cols(), net.dtype());
                momentum.put(key(p.layer().name(), p.spec().name()), inc);
                inc.zero();
                if (!p.learns()) {
                    continue;
                }
                if (current == null || current.layer() != p.layer()) {
                    current = new LayerUpdate(p.layer(), new ArrayList<>(), new ArrayList<>());
                    updates.add(current);
                }
                current.params().add(p);
                current.incs().add(inc);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    @Override
    public Net net() {
        return net;
    }

    @Override
    public void step(double progress, int numCases, double rateFactor) {
        checkOpen();
        if (numCases < 1) {
            throw new IllegalArgumentException("an update needs gradients over at least one case, got " + numCases);
        }
        for (LayerUpdate u : updates) {
            net.timeUpdate(u.layer(), () -> {
                for (int k = 0; k < u.params().size(); k++) {
                    update(u.params().get(k), u.incs().get(k), progress, rateFactor, numCases);
                }
            });
        }
    }

    private void update(Parameter p, Tensor inc, double progress, double rateFactor, int lastForwardCases) {
        double eps = LrSchedule.scale(p.learning().eps().at(progress), rateFactor);
        net.backend().kernels().get(KernelKey.of(SGD_TYPE, Ops.SGD, net.dtype())).launch(new Sgd(p.value(), p.grad(), inc,
                eps / lastForwardCases, p.learning().mom(), eps * p.learning().wc()));
    }

    @Override
    public double[] history(String layer, String param) {
        checkOpen();
        return buffer(layer, param).download();
    }

    @Override
    public void setHistory(String layer, String param, double[] v) {
        checkOpen();
        Tensor inc = buffer(layer, param);
        long size = net.paramSpec(layer, param).size();
        if (v.length != size) {
            throw new IllegalArgumentException(layer + "." + param + " momentum: expected " + size + " values, got " + v.length);
        }
        inc.upload(v);
    }

    private Tensor buffer(String layer, String param) {
        Tensor inc = momentum.get(key(layer, param));
        if (inc == null) {
            net.paramSpec(layer, param); // throws, naming the layers or parameters that exist
            throw new IllegalStateException("no momentum buffer for " + key(layer, param));
        }
        return inc;
    }

    private static String key(String layer, String param) {
        return layer + "." + param;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this solver is closed");
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        momentum.values().forEach(Tensor::close);
    }
}
