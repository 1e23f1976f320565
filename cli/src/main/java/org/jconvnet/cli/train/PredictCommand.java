package org.jconvnet.cli.train;

import jakarta.inject.Inject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.jconvnet.cli.ExitCodes;
import org.jconvnet.cli.options.Count;
import org.jconvnet.cli.options.InputFile;
import org.jconvnet.train.TrainOptions;
import org.jconvnet.train.facade.ClassScore;
import org.jconvnet.train.facade.ImageInput;
import org.jconvnet.train.facade.JConvNet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jconvnet predict}: classifies image files with a checkpoint, through the library
 * ({@link JConvNet#predict(List)}), one line per image with its top classes.
 */
@Command(name = "predict", mixinStandardHelpOptions = true,
        description = "Classify 32x32 images (PNG, JPEG, BMP, GIF) with a checkpoint (-f DIR): one line per image, "
                + "its top K classes with their probabilities, named from the checkpoint's data set (its "
                + "batches.meta.txt, else the CIFAR-10 names) when that data set is readable here, else by index. "
                + "The images get the net's mean subtraction and test crop, as test does; the data set itself is not needed.",
        footer = {"", "Examples:", "  jconvnet predict -f checkpoints/run1 cat.png dog.png",
                "  jconvnet predict -f checkpoints/run1 --top 3 images/*.png"})
public final class PredictCommand implements Callable<Integer> {
    /** How many classes a line shows unless {@code --top} says otherwise. */
    static final int DEFAULT_TOP = 5;

    private final Jobs jobs;

    @Spec
    private CommandSpec spec;

    @Mixin
    private CheckpointOption checkpoint;

    @Mixin
    private MiniOption mini;

    @Option(names = "--top", paramLabel = "K", converter = Count.class,
            description = "Classes shown per image, most probable first (default " + DEFAULT_TOP + ").")
    Integer top;

    @Parameters(arity = "1..*", paramLabel = "IMAGE", converter = InputFile.class,
            description = "Image files, each 32x32 pixels.")
    List<Path> images;

    /** Created by Guice. */
    @Inject
    public PredictCommand(Jobs jobs) {
        this.jobs = jobs;
    }

    @Override
    public Integer call() {
        // Every image is read and checked before the backend starts.
        List<ImageInput> inputs = new ArrayList<>();
        for (Path p : images) {
            inputs.add(ImageInput.read(p));
        }
        PrintWriter out = spec.commandLine().getOut();
        try (JConvNet net = jobs.load(checkpoint.dir, spec.commandLine().getErr())
                .options(mini.applyTo(TrainOptions.builder()).build()).open()) {
            List<float[]> probs = net.predict(inputs);
            for (int i = 0; i < images.size(); i++) {
                out.println(line(images.get(i), net.top(probs.get(i), top != null ? top : DEFAULT_TOP)));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** {@code cat.png: cat 0.8123, dog 0.1002, ...}. */
    static String line(Path image, List<ClassScore> top) {
        return image + ": " + top.stream().map(s -> s.name() + " " + String.format(Locale.ROOT, "%.4f", s.probability()))
                .collect(Collectors.joining(", "));
    }
}
