package org.jconvnet.peer.djl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures PyTorch (CPU, through DJL) on jconvnet's nets the way {@code jconvnet bench} does:
 * training images/s (forward, backward, SGD-with-momentum step on every parameter) and forward-only
 * images/s, each the median of {@code --repeats} runs of {@code --minibatches} minibatches after
 * {@code --warmup}; prints a table and optionally writes JSON in the same shape as
 * {@code jconvnet bench --json} (the keys the comparison reads).
 *
 * <p>Usage: {@code PeerBench [--nets a,b] [--mini 128] [--minibatches 3] [--warmup 1] [--repeats 3]
 * [--json FILE]}. Runs offline: DJL is told never to download and loads the libtorch bundled in
 * {@code pytorch-native-cpu}.
 */
public final class PeerBench {
    private static final float LEARNING_RATE = 0.001f;
    private static final float MOMENTUM = 0.9f;

    private PeerBench() {
    }

    /** Entry point; exit code 2 for a bad argument. */
    public static void main(String[] args) throws IOException {
        Map<String, String> opt = new LinkedHashMap<>(Map.of("--nets", "layers-conv-local-11pct,layers-18pct",
                "--mini", "128", "--minibatches", "3", "--warmup", "1", "--repeats", "3"));
        for (int i = 0; i < args.length; i++) {
            if (!opt.containsKey(args[i]) && !args[i].equals("--json") || i + 1 == args.length) {
                System.err.println("pytorch-djl bench: unknown or incomplete argument '" + args[i] + "'; options: "
                        + String.join(" ", opt.keySet()) + " --json FILE");
                System.exit(2);
            }
            opt.put(args[i], args[++i]);
        }
        // Offline: never download an engine; use the libtorch in the pytorch-native-cpu jar.
        System.setProperty("ai.djl.offline", "true");
        int mini = Integer.parseInt(opt.get("--mini"));
        int minibatches = Integer.parseInt(opt.get("--minibatches"));
        int warmup = Integer.parseInt(opt.get("--warmup"));
        int repeats = Integer.parseInt(opt.get("--repeats"));
        Engine engine = Engine.getEngine("PyTorch");
        String backend = "pytorch-" + engine.getVersion() + "-cpu";
        System.out.println("engine: " + engine.getEngineName() + " " + engine.getVersion() + " (DJL " + Engine.getDjlVersion()
                + "), " + Runtime.getRuntime().availableProcessors() + " cores visible");
        System.out.println(String.format(Locale.ROOT, "%-18s  %-28s  %10s  %5s  %9s  %-19s  %9s", "BACKEND", "NET", "PARAMS",
                "N", "IMAGES/S", "(MIN-MAX)", "FWD IMG/S"));
        List<Map<String, Object>> results = new ArrayList<>();
        for (String netName : opt.get("--nets").split(",")) {
            try (NDManager root = NDManager.newBaseManager(engine.defaultDevice(), engine.getEngineName())) {
                PeerNet net = PeerNet.create(netName.trim(), root);
                NDArray images = root.randomNormal(0f, 1f, new Shape(mini, 3, 32, 32), DataType.FLOAT32);
                NDArray labels = root.randomInteger(0, 10, new Shape(mini), DataType.INT32);
                NDArray oneHot = labels.oneHot(10);
                Map<String, NDArray> momentum = new LinkedHashMap<>();
                net.params().forEach((k, p) -> momentum.put(k, root.zeros(p.getShape(), DataType.FLOAT32)));
                Runnable train = () -> trainStep(net, images, oneHot, momentum, mini);
                Runnable forward = () -> forwardStep(net, images);
                for (int i = 0; i < warmup; i++) {
                    train.run();
                }
                double[] trainRates = measure(train, repeats, minibatches, mini);
                for (int i = 0; i < warmup; i++) {
                    forward.run();
                }
                double[] forwardRates = measure(forward, repeats, minibatches, mini);
                Map<String, Object> r = result(backend, net, mini, minibatches, warmup, trainRates, forwardRates);
                results.add(r);
                System.out.println(String.format(Locale.ROOT, "%-18s  %-28s  %10d  %5d  %9.1f  %-19s  %9.1f", backend,
                        net.name(), net.parameterCount(), mini, (double) r.get("train_images_per_s"),
                        String.format(Locale.ROOT, "(%.1f-%.1f)", (double) r.get("train_images_per_s_min"),
                                (double) r.get("train_images_per_s_max")), (double) r.get("forward_images_per_s")));
            }
        }
        System.out.println("IMAGES/S = training (forward, backward, SGD step), median of " + repeats + " repeat(s) of "
                + minibatches + " minibatch(es) of " + mini + " after " + warmup + " warm-up, float32; FWD IMG/S = forward only");
        if (opt.containsKey("--json")) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("tool", "jconvnet bench/pytorch-djl");
            report.put("format_version", 1);
            report.put("date", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
            report.put("results", results);
            Path file = Path.of(opt.get("--json"));
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            // The project's policy for non-finite numbers: "NaN", "Infinity", "-Infinity" as strings.
            Files.writeString(file, JsonMapper.builder().enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
                    .enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(report) + "\n");
        }
    }

    private static Map<String, Object> result(String backend, PeerNet net, int mini, int minibatches, int warmup,
                                              double[] train, double[] forward) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("backend", backend);
        r.put("device", Runtime.getRuntime().availableProcessors() + " CPU cores");
        r.put("net", net.name() + ".cfg");
        r.put("mini", mini);
        r.put("dtype", "float32");
        r.put("parameters", net.parameterCount());
        r.put("repeats", train.length);
        r.put("minibatches_per_repeat", minibatches);
        r.put("warmup", warmup);
        put(r, "train_images_per_s", train);
        put(r, "forward_images_per_s", forward);
        return r;
    }

    private static void put(Map<String, Object> r, String key, double[] samples) {
        double[] s = samples.clone();
        Arrays.sort(s);
        int n = s.length;
        r.put(key, n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2);
        r.put(key + "_min", s[0]);
        r.put(key + "_max", s[n - 1]);
        r.put(key + "_samples", Arrays.stream(samples).boxed().toList());
    }

    /** Images/s of {@code repeats} runs of {@code minibatches} steps. PyTorch on the CPU is synchronous. */
    private static double[] measure(Runnable step, int repeats, int minibatches, int mini) {
        double[] rates = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < minibatches; i++) {
                step.run();
            }
            rates[r] = (double) minibatches * mini / ((System.nanoTime() - t0) / 1e9);
        }
        return rates;
    }

    /** Forward, logistic-regression cost, backward, and an SGD-with-momentum update of every parameter. */
    private static void trainStep(PeerNet net, NDArray images, NDArray oneHot, Map<String, NDArray> momentum, int mini) {
        try (NDManager step = images.getManager().newSubManager()) {
            // Every intermediate array of this step lands in, and is freed with, the step's manager.
            images.tempAttach(step);
            oneHot.tempAttach(step);
            try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
                NDArray logits = net.forward(images);
                NDArray cost = logits.logSoftmax(1).mul(oneHot).sum().neg().div(mini);
                gc.backward(cost);
            }
            for (Map.Entry<String, NDArray> e : net.params().entrySet()) {
                NDArray p = e.getValue();
                NDArray g = p.getGradient();
                g.attach(step);
                NDArray v = momentum.get(e.getKey());
                v.muli(MOMENTUM).addi(g.mul(LEARNING_RATE));
                p.subi(v);
            }
        }
    }

    private static void forwardStep(PeerNet net, NDArray images) {
        try (NDManager step = images.getManager().newSubManager()) {
            images.tempAttach(step);
            net.forward(images).sum().getFloat();
        }
    }
}
