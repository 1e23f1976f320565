package org.jconvnet.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.resource.ResourceInformation;
import scala.Tuple2;

/**
 * The code of one Spark task of a round, run on an executor: finds (or builds) the worker's
 * replica, brings it to the broadcast weights and trains the worker's shards; emits
 * (worker index, contribution) for the tree that sums the contributions.
 *
 * <p>The task's GPU: when Spark's resource scheduling gave the task GPUs
 * ({@code spark.task.resource.gpu.amount}, addresses from the workers' discovery script), the
 * first address becomes the backend's device selection ({@code cuda.device}, and
 * {@code opencl.device} as an index), so each task of a node drives its own GPU.
 */
final class RoundTask implements PairFlatMapFunction<Iterator<WorkerTask>, Integer, Contribution> {
    private static final long serialVersionUID = 1L;

    private final ReplicaSpec spec;
    private final Broadcast<Snapshot> snapshot;
    private final double progress;
    private final double rateFactor;

    RoundTask(ReplicaSpec spec, Broadcast<Snapshot> snapshot, double progress, double rateFactor) {
        this.spec = spec;
        this.snapshot = snapshot;
        this.progress = progress;
        this.rateFactor = rateFactor;
    }

    @Override
    public Iterator<Tuple2<Integer, Contribution>> call(Iterator<WorkerTask> tasks) {
        TaskContext ctx = TaskContext.get();
        int attempt = ctx == null ? 0 : ctx.attemptNumber();
        Map<String, String> device = deviceSettings(ctx);
        TaskFaults.Hook fault = TaskFaults.forAttempt(attempt);
        List<Tuple2<Integer, Contribution>> out = new ArrayList<>(1);
        while (tasks.hasNext()) {
            WorkerTask t = tasks.next();
            Replica r = Replicas.get(spec.jobId(), t.worker(), attempt > 0, () -> new Replica(spec, device));
            Snapshot snap = snapshot.value();
            if (snap.version() != t.version()) {
                throw new IllegalStateException("round " + t.version() + " of worker " + t.worker()
                        + " was given the weights of round " + snap.version());
            }
            try {
                Contribution c = spec.localSteps() ? r.localSteps(snap, t, progress, rateFactor, fault) : r.gradients(snap, t, fault);
                out.add(new Tuple2<>(t.worker(), c));
            } catch (RuntimeException | Error e) {
                r.invalidate();
                throw e;
            }
        }
        return out.iterator();
    }

    /** The backend settings selecting the task's GPU, when Spark assigned one. */
    static Map<String, String> deviceSettings(TaskContext ctx) {
        Map<String, String> settings = new HashMap<>();
        if (ctx == null) {
            return settings;
        }
        ResourceInformation gpu = ctx.resourcesJMap().get("gpu");
        if (gpu != null && gpu.addresses().length > 0) {
            settings.put("cuda.device", gpu.addresses()[0]);
            settings.put("opencl.device", gpu.addresses()[0]);
        }
        return settings;
    }
}
