package org.jconvnet.examples.embedding;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jconvnet.train.facade.ClassScore;
import org.jconvnet.train.facade.ImageInput;
import org.jconvnet.train.facade.JConvNet;
import org.jconvnet.train.facade.Training;
import org.jconvnet.train.facade.TrainingResult;
import org.jconvnet.train.metrics.TrainMetric;

/**
 * jconvnet inside an application, in three steps and through the facade only:
 *
 * <ol>
 *   <li>train the seed net for a few steps from code, on the embedded synthetic data set (no
 *       download), printing each batch's training cost and saving a checkpoint;</li>
 *   <li>load that checkpoint, as a service would at start-up;</li>
 *   <li>classify a PNG ({@link ShapePicture}) and print the three likeliest classes.</li>
 * </ol>
 *
 * <p>The backend is chosen as the {@code jconvnet} command chooses it: {@code -Djconvnet.backend=ID}
 * (or {@code JCONVNET_BACKEND}) when given, else the best available one on the class path. Any
 * failure, or a result that cannot be right (a non-finite cost, probabilities that do not sum to
 * one), ends the program with exit code 1.
 *
 * <p>Usage: {@code java -cp ... org.jconvnet.examples.embedding.EmbeddingExample [WORK_DIR]}; the
 * work folder (default {@code target/example}) must not hold an earlier run.
 */
public final class EmbeddingExample {
    /** Training batches of the embedded set to train on: one batch of 160 images. */
    private static final String TRAIN_RANGE = "1";
    /** Images per SGD step; the batch of 160 is 5 steps. */
    private static final int MINIBATCH = 32;
    /** One epoch; training then ends with the first batch of epoch 2, as cuda-convnet's loop does. */
    private static final int EPOCHS = 1;

    private final Path work;
    private final PrintStream out;

    /**
     * An example run in {@code work}, reporting on {@code out}.
     *
     * @param work the work folder: the run directory and the PNG go there
     * @param out where the costs and the prediction are printed
     */
    public EmbeddingExample(Path work, PrintStream out) {
        this.work = work;
        this.out = out;
    }

    /**
     * Runs the example; exits with code 1 when anything fails.
     *
     * @param args optionally the work folder
     */
    public static void main(String[] args) {
        Path work = Path.of(args.length > 0 ? args[0] : "target/example");
        try {
            new EmbeddingExample(work, System.out).run();
        } catch (RuntimeException | IOException e) {
            System.err.println("embedding example FAILED: " + e.getMessage());
            e.printStackTrace();
            System.exit(1);
        }
    }

    /**
     * Trains, loads, classifies and checks each result.
     *
     * @throws IOException when the work folder cannot be made
     * @throws IllegalStateException when a result cannot be right
     */
    public void run() throws IOException {
        Files.createDirectories(work);

        // 1. Train from code. create(null) is the seed net; with no dataPath it trains on the
        //    embedded synthetic data set, as a bare `jconvnet train` does.
        List<Double> costs = new ArrayList<>();
        TrainingResult trained = JConvNet.create(null)
                .trainRange(TRAIN_RANGE)
                .minibatch(MINIBATCH)
                .seed(1)
                .train(new Training()
                        .epochs(EPOCHS)
                        .saveTo(work, "run")
                        .onMetric(m -> {
                            if (m instanceof TrainMetric t) {
                                double cost = firstCost(t.costs());
                                costs.add(cost);
                                out.printf("trained epoch %d batch %d (%d images): cost %.4f%n",
                                        t.epoch(), t.batch(), t.cases(), cost);
                            }
                        }));
        check(!costs.isEmpty(), "training reported no batch");
        check(costs.stream().allMatch(Double::isFinite), "a training cost is not finite: " + costs);
        out.printf("training costs: %s; checkpoint in %s%n", costs, trained.runDir());

        // 2. and 3. Load the checkpoint and classify a PNG.
        Path png = ShapePicture.writeRedDisc(work.resolve("red-disc.png"));
        try (JConvNet net = JConvNet.load(trained.runDir()).open()) {
            float[] probs = net.predict(ImageInput.read(png));
            check(probs.length == net.numClasses(),
                    probs.length + " probabilities for " + net.numClasses() + " classes");
            double sum = 0;
            for (float p : probs) {
                check(p >= 0 && p <= 1, "a probability outside [0, 1]: " + p);
                sum += p;
            }
            check(Math.abs(sum - 1) < 1e-3, "the probabilities sum to " + sum);
            List<ClassScore> top = net.top(probs, 3);
            out.printf("backend: %s%n", net.backendId());
            out.printf("predicted class of %s: %s (p=%.3f)%n", png.getFileName(), top.get(0).name(),
                    top.get(0).probability());
            for (ClassScore s : top) {
                out.printf("  %-10s %.3f%n", s.name(), s.probability());
            }
        }
    }

    /** The first value of the first cost layer: for {@code cost.logreg}, the negative log-probability. */
    private static double firstCost(Map<String, List<Double>> costs) {
        check(!costs.isEmpty(), "a training batch without costs");
        List<Double> values = costs.values().iterator().next();
        check(!values.isEmpty(), "a cost layer without values");
        return values.get(0);
    }

    private static void check(boolean ok, String problem) {
        if (!ok) {
            throw new IllegalStateException(problem);
        }
    }
}
