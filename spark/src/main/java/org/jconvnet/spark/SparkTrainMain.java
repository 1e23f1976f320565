package org.jconvnet.spark;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.train.TrainOptions;
import org.jconvnet.train.TrainingJob;
import org.jconvnet.train.distributed.DistributedOptions;

/**
 * The main class of the application jar for {@code spark-submit}: trains with the master that
 * spark-submit configured ({@code --master}), taking {@code train}'s options by the same names
 * (a subset: the data, the net, the schedule, the checkpoints) and {@code --workers N}
 * {@code --sync-every K}. The full command line ({@code jconvnet train --spark ...}) is the CLI's.
 *
 * <pre>
 * spark-submit --master spark://host:7077 --class org.jconvnet.spark.SparkTrainMain \
 *     jconvnet-spark-VERSION-app.jar --workers 4 --data-path /data/cifar-10-batches-bin --save-path /shared/runs
 * </pre>
 *
 * Exit status 0 on success, 1 on an error (one line on stderr), 2 on a bad command line.
 */
public final class SparkTrainMain {
    private SparkTrainMain() {
    }

    /** Runs the training; see the class comment. */
    public static void main(String[] args) {
        int code;
        try {
            code = run(args);
        } catch (IllegalArgumentException e) {
            System.err.println("jconvnet-spark: " + e.getMessage());
            code = 2;
        } catch (JConvNetException e) {
            System.err.println("jconvnet-spark: " + e.getMessage());
            code = 1;
        }
        System.out.flush();
        System.exit(code);
    }

    static int run(String[] args) {
        TrainOptions.Builder b = TrainOptions.builder();
        int workers = 2;
        int syncEvery = 1;
        String master = "";
        List<String> a = List.of(args);
        for (int i = 0; i < a.size(); i++) {
            String name = a.get(i);
            if (i + 1 >= a.size()) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String v = a.get(++i);
            switch (name) {
                case "--workers" -> workers = count(name, v);
                case "--sync-every" -> syncEvery = count(name, v);
                case "--spark" -> master = v;
                case "--data-path" -> b.dataPath(Path.of(v));
                case "--layer-def" -> b.layerDef(v);
                case "--layer-params" -> b.layerParams(v);
                case "--data-provider" -> b.dataProvider(v);
                case "--train-range" -> b.trainRange(v);
                case "--test-range" -> b.testRange(v);
                case "--epochs" -> b.epochs(count(name, v));
                case "--mini" -> b.mini(count(name, v));
                case "--test-freq" -> b.testFreq(count(name, v));
                case "--seed" -> b.seed(Long.parseLong(v));
                case "--save-path" -> b.savePath(Path.of(v));
                case "--save-name" -> b.saveName(v);
                case "--backend" -> b.backend(v);
                case "--dtype" -> b.dtype(v);
                case "-f" -> b.loadFrom(Path.of(v));
                default -> throw new IllegalArgumentException("unknown option " + name + " (options: --workers --sync-every "
                        + "--spark --data-path --layer-def --layer-params --data-provider --train-range --test-range "
                        + "--epochs --mini --test-freq --seed --save-path --save-name --backend --dtype -f)");
            }
        }
        TrainingJob job = TrainingJob.withDiscoveredBackends(System.out, System.err);
        TrainingJob.Result r = job.train(b.build(), DistributedOptions.spark(master, workers, syncEvery));
        System.out.println("finished at " + r.epoch() + "." + r.batchNum() + ", " + r.batchesTrained()
                + " batches trained in this run; last test: " + lastTest(r) + "; checkpoints in " + r.saveDir());
        return 0;
    }

    /** The last test's costs as the CLI prints them: {@code logprob 1.2068, error 42.5%}. */
    static String lastTest(TrainingJob.Result r) {
        if (r.lastTest() == null || r.lastTest().isEmpty()) {
            return "none";
        }
        StringBuilder sb = new StringBuilder();
        r.lastTest().forEach((name, values) -> {
            sb.append(sb.length() == 0 ? "" : "; ").append(name).append(String.format(Locale.ROOT, " %.4f", values.get(0)));
            if (values.size() > 1) {
                sb.append(String.format(Locale.ROOT, ", error %.1f%%", 100 * values.get(1)));
            }
        });
        return sb.toString();
    }

    private static int count(String name, String v) {
        try {
            int n = Integer.parseInt(v);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " " + v + ": expected a whole number of at least 1");
    }
}
