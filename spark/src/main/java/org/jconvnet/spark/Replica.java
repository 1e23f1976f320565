package org.jconvnet.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.backend.BackendConfig;
import org.jconvnet.api.backend.BackendRegistry;
import org.jconvnet.api.backend.BackendSelector;
import org.jconvnet.api.layer.DataDims;
import org.jconvnet.api.layer.LayerPluginRegistry;
import org.jconvnet.api.layer.PassMode;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.layers.net.Net;
import org.jconvnet.layers.net.NetDefinition;
import org.jconvnet.layers.net.NetSource;
import org.jconvnet.layers.net.Parameter;
import org.jconvnet.train.run.DivergenceException;
import org.jconvnet.train.run.DivergenceGuard;
import org.jconvnet.train.solver.SgdSolver;
import org.jconvnet.train.solver.Solver;

/**
 * One worker's copy of the net on its executor: a backend chosen there by the usual rules, the
 * net built from the driver's cfg texts and, for local steps, its own {@link SgdSolver}. It lives
 * across rounds ({@link Replicas} caches it), so the net is planned (and on a GPU its kernels
 * built) once, not once per step.
 *
 * <p>{@link #version} is the driver version the replica's weights equal, or -1 when they are
 * anything else (changed by local steps, or a task that died part-way): a round that starts from
 * another version loads the broadcast weights first. A round's gradients depend only on the
 * broadcast weights and the shard, so a retried task computes the very same contribution.
 *
 * <p>Used by one task at a time (the cache hands each worker index its own replica).
 */
final class Replica implements AutoCloseable {
    private final Backend backend;
    private final Net net;
    private final Solver solver;
    private long version = -1;

    /**
     * Builds the replica of {@code spec}; {@code deviceSettings} select the task's GPU
     * ({@code cuda.device}), empty when Spark assigned none.
     */
    Replica(ReplicaSpec spec, Map<String, String> deviceSettings) {
        ClassLoader loader = Replica.class.getClassLoader();
        BackendConfig config = new BackendConfig(deviceSettings).withPluginLoader(loader);
        BackendSelector.Choice choice = new BackendSelector(BackendRegistry.discover(loader)).choose(spec.backend());
        this.backend = choice.provider().create(config);
        Net built = null;
        Solver s = null;
        try {
            NetDefinition def = NetDefinition.load(new NetSource(spec.layerDefName(), spec.layerDefText()),
                    new NetSource(spec.layerParamsName(), spec.layerParamsText()), DataDims.cifar(spec.imageSize()),
                    LayerPluginRegistry.discover(loader), NetDefinition.Options.strict());
            built = new Net(def, backend, DType.parse(spec.dtype()));
            built.initParams(spec.seed());
            s = spec.localSteps() ? new SgdSolver(built) : null;
        } catch (RuntimeException e) {
            if (built != null) {
                built.close();
            }
            backend.close();
            throw e;
        }
        this.net = built;
        this.solver = s;
    }

    /** The id of the backend the replica runs on. */
    String backendId() {
        return backend.id();
    }

    /**
     * One synchronous round: from the broadcast weights, forward and backward on each shard, the
     * gradients summed over the shard's cases. Weights are not changed.
     */
    Contribution gradients(Snapshot snap, WorkerTask task, TaskFaults.Hook fault) {
        load(snap);
        Shard shard = task.shards().get(0);
        if (shard.n() == 0) {
            return empty(1);
        }
        Map<String, double[]> costs = net.forward(shard.data(), shard.n(), PassMode.TRAIN);
        fault.midStep(snap.version(), task.worker());
        String diverged = divergence(costs, shard);
        if (diverged != null) {
            return new Contribution(null, null, List.of(costs), new int[] {shard.n()}, diverged, task.worker());
        }
        net.backward();
        List<double[]> grads = new ArrayList<>();
        for (Parameter p : net.parameters()) {
            grads.add(p.grad().download());
        }
        return new Contribution(ParamValues.of(net.dtype(), grads), null, List.of(costs), new int[] {shard.n()}, null,
                Integer.MAX_VALUE);
    }

    /**
     * Local steps: from the broadcast weights and momentum, one SGD step per shard with this
     * replica's solver; returns the final weights and momentum times the worker's share of the
     * round's cases, so that the sum over workers is the case-weighted average (one worker: its
     * weights exactly).
     */
    Contribution localSteps(Snapshot snap, WorkerTask task, double progress, double rateFactor, TaskFaults.Hook fault) {
        load(snap);
        version = -1;
        List<Map<String, double[]>> costs = new ArrayList<>();
        int[] cases = new int[task.shards().size()];
        int total = 0;
        for (int i = 0; i < task.shards().size(); i++) {
            Shard shard = task.shards().get(i);
            cases[i] = shard.n();
            if (shard.n() == 0) {
                costs.add(new LinkedHashMap<>());
                continue;
            }
            Map<String, double[]> c = net.forward(shard.data(), shard.n(), PassMode.TRAIN);
            fault.midStep(snap.version(), task.worker());
            costs.add(c);
            String diverged = divergence(c, shard);
            if (diverged != null) {
                return new Contribution(null, null, pad(costs, cases.length), cases, diverged, task.worker());
            }
            net.backward();
            solver.step(progress, shard.n(), rateFactor);
            total += shard.n();
        }
        if (total == 0) {
            return new Contribution(null, null, costs, cases, null, Integer.MAX_VALUE);
        }
        List<double[]> w = new ArrayList<>();
        List<double[]> m = new ArrayList<>();
        for (Parameter p : net.parameters()) {
            w.add(p.value().download());
            m.add(solver.history(p.layer().name(), p.spec().name()));
        }
        return new Contribution(ParamValues.of(net.dtype(), w).times(task.share()), ParamValues.of(net.dtype(), m).times(task.share()),
                costs, cases, null, Integer.MAX_VALUE);
    }

    /** Makes the replica hold the broadcast state unless it already holds exactly that version. */
    private void load(Snapshot snap) {
        if (version == snap.version() && snap.momentum() == null) {
            return;
        }
        List<Parameter> params = net.parameters();
        if (params.size() != snap.weights().count()) {
            throw new JConvNetException("the broadcast weights have " + snap.weights().count()
                    + " parameters, the replica's net " + params.size());
        }
        version = -1;
        for (int i = 0; i < params.size(); i++) {
            Parameter p = params.get(i);
            p.value().upload(snap.weights().get(i));
            if (snap.momentum() != null) {
                solver.setHistory(p.layer().name(), p.spec().name(), snap.momentum().get(i));
            }
        }
        version = snap.version();
    }

    private String divergence(Map<String, double[]> costs, Shard shard) {
        try {
            DivergenceGuard.checkCost(costs, net, shard.where());
            return null;
        } catch (DivergenceException e) {
            return e.getMessage();
        }
    }

    private static List<Map<String, double[]>> pad(List<Map<String, double[]>> costs, int size) {
        List<Map<String, double[]>> out = new ArrayList<>(costs);
        while (out.size() < size) {
            out.add(new LinkedHashMap<>());
        }
        return out;
    }

    private static Contribution empty(int minibatches) {
        List<Map<String, double[]>> costs = new ArrayList<>();
        for (int i = 0; i < minibatches; i++) {
            costs.add(new LinkedHashMap<>());
        }
        return new Contribution(null, null, costs, new int[minibatches], null, Integer.MAX_VALUE);
    }

    /** Marks the weights as unknown (a task failed while using them). */
    void invalidate() {
        version = -1;
    }

    @Override
    public void close() {
        if (solver != null) {
            solver.close();
        }
        net.close();
        backend.close();
    }
}
