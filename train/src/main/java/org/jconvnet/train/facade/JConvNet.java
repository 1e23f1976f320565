package org.jconvnet.train.facade;

import java.awt.image.BufferedImage;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.api.backend.Backend;
import org.jconvnet.api.backend.BackendConfig;
import org.jconvnet.api.backend.BackendRegistry;
import org.jconvnet.api.layer.Layer;
import org.jconvnet.api.layer.LayerPluginRegistry;
import org.jconvnet.api.layer.PassMode;
import org.jconvnet.layers.net.Net;
import org.jconvnet.train.CostSums;
import org.jconvnet.train.Evaluator;
import org.jconvnet.train.InvalidOptionException;
import org.jconvnet.train.ResolvedRun;
import org.jconvnet.train.TrainOptions;
import org.jconvnet.train.TrainingEnvironment;
import org.jconvnet.train.TrainingJob;
import org.jconvnet.train.data.BatchRange;
import org.jconvnet.train.data.CifarBatch;
import org.jconvnet.train.data.ServeMode;
import org.jconvnet.train.data.ServedBatch;
import org.jconvnet.train.interop.FeatureWriter;
import org.jconvnet.train.interop.WeightsIo;

/**
 * A cuda-convnet net opened on a backend: the one entry point for using jconvnet from Java.
 *
 * <pre>{@code
 * try (JConvNet net = JConvNet.load(checkpointDir).backend("cpu").open()) {
 *     float[] probs = net.predict(ImageInput.read(Path.of("cat.png")));
 *     System.out.println(net.top(probs, 3));
 * }
 * }</pre>
 *
 * <p><b>Input.</b> Images ({@link ImageInput}: CIFAR-10 records, {@link BufferedImage}s, raw HWC
 * bytes; 32x32) are prepared exactly as {@code jconvnet test} prepares a test batch: the data mean
 * the net was trained with is subtracted, and a {@code cifar-cropped} net gets the centre crop
 * (cuda-convnet's test crop), in the same code ({@link org.jconvnet.train.data.DataProvider}), so a
 * prediction equals what testing computes for that image (bit for bit on the CPU reference, which
 * computes each case apart whatever minibatch it is in; a faster backend may round differently
 * with the minibatch size). Data prepared elsewhere
 * goes in as float32 through {@link #predictPrepared(FloatBuffer, int)} and
 * {@link #featuresPrepared(String, FloatBuffer, int)}.
 *
 * <p><b>Output.</b> Probabilities and features come back as {@code float[]}: a float32 net's values
 * as the backend holds them, with no {@code double} copy on the way; a float64 net's rounded to
 * float.
 *
 * <p><b>Batches.</b> Lists of images are run in minibatches of the net's minibatch size (the
 * checkpoint's {@code --mini}, or {@link Loader#minibatch(int)}); the backend's activation tensors
 * are sized for the last minibatch's case count and re-allocated when it changes, so a steady
 * stream of equal-sized calls allocates no backend memory.
 *
 * <p><b>Threads.</b> A {@code JConvNet} may be shared between threads: every method that uses the
 * net takes its lock, so calls run one at a time and each sees only its own data (a net holds one
 * set of activations on the backend). To predict in parallel, open one {@code JConvNet} per thread;
 * each holds its own copy of the weights on its backend.
 *
 * <p><b>Closing.</b> {@link #close()} frees every tensor of the net at once and, when this object
 * started its backend, closes the backend too (a backend handed in with
 * {@link Loader#runOn(Supplier)} stays open). A closed net refuses every call with an
 * {@link IllegalStateException}.
 */
public final class JConvNet implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(JConvNet.class.getName());

    private final ResolvedRun run;
    private final Backend backend;
    private final boolean ownsBackend;
    private final Net net;
    private final String what;
    private boolean closed;

    private JConvNet(ResolvedRun run, Backend backend, boolean ownsBackend, Net net, String what) {
        this.run = run;
        this.backend = backend;
        this.ownsBackend = ownsBackend;
        this.net = net;
        this.what = what;
    }

    /**
     * Starts loading a trained net from a checkpoint: a run directory of {@code jconvnet train}
     * (its latest checkpoint is taken) or one of its numbered checkpoint directories. The
     * checkpoint carries the net, its weights, its data mean and the data set it was trained on.
     *
     * @param checkpoint the checkpoint directory
     * @return the loader; nothing is read before {@link Loader#open()} or {@link Loader#train(Training)}
     */
    public static Loader load(Path checkpoint) {
        return new Loader(Objects.requireNonNull(checkpoint, "checkpoint"), null);
    }

    /**
     * Starts creating a fresh net, initialised by its layer parameters' {@code initW}/{@code initB}
     * from {@link Loader#seed(long)}: to train it ({@link Loader#train(Training)}) or to run it
     * untrained.
     *
     * @param layerDef a shipped net's name (see {@code jconvnet nets}) or a cuda-convnet
     *                 layer-definition file; {@code null} for the seed net
     * @return the loader
     */
    public static Loader create(String layerDef) {
        return new Loader(null, layerDef);
    }

    // ---------------------------------------------------------------------------------------------
    // What the net is

    /**
     * The id of the backend the net runs on.
     *
     * @return e.g. {@code cpu}, {@code opencl}
     */
    public String backendId() {
        return backend.id();
    }

    /**
     * The names of the net's layers, in execution order.
     *
     * @return the layer names
     */
    public List<String> layerNames() {
        return run.def().layers().stream().map(Layer::name).toList();
    }

    /**
     * The number of values per case a layer outputs (its rows).
     *
     * @param layer a layer name
     * @return the layer's output size
     * @throws InvalidOptionException when the net has no such layer
     */
    public int outputSize(String layer) {
        requireLayer("outputSize", layer);
        return run.def().layer(layer).outputs();
    }

    /**
     * The number of float values one prepared case has: {@code 3*s*s} for images of side {@code s}
     * (32, or smaller after a {@code cifar-cropped} crop).
     *
     * @return the data layer's rows
     */
    public int preparedSize() {
        return run.def().layer(dataLayer()).outputs();
    }

    /**
     * The number of classes the net predicts.
     *
     * @return the outputs of its probability layer
     * @throws JConvNetException when the net has no {@code cost.logreg} layer
     */
    public int numClasses() {
        return run.def().layer(probsLayer()).outputs();
    }

    /**
     * The class names of the net's data set ({@code batches.meta.txt} of a CIFAR-10 directory, the
     * CIFAR-10 names without one, the embedded set's own names), when that data set is readable
     * here and names as many classes as the net predicts.
     *
     * @return the names, label 0 first, or an empty list when they are not known
     */
    public List<String> classNames() {
        List<String> names = run.source().labelNames();
        return names.size() == numClasses() ? names : List.of();
    }

    /**
     * The data mean the net subtracts from its input: the mean of its training images, as saved
     * in the checkpoint.
     *
     * @return 3072 values in CIFAR-10 record order (planar RGB, 32x32); a copy
     */
    public double[] dataMean() {
        return run.mean().clone();
    }

    // ---------------------------------------------------------------------------------------------
    // Prediction

    /**
     * The class probabilities of one image.
     *
     * @param image the image
     * @return {@link #numClasses()} probabilities, class 0 first
     * @throws IllegalStateException when the net is closed
     * @throws JConvNetException when the net has no {@code cost.logreg} layer
     */
    public float[] predict(ImageInput image) {
        return predict(List.of(image)).get(0);
    }

    /**
     * The class probabilities of one 32x32 image.
     *
     * @param image the image, any {@link BufferedImage} type
     * @return the probabilities, class 0 first
     * @throws InvalidImageException when the image is not 32x32
     * @throws IllegalStateException when the net is closed
     */
    public float[] predict(BufferedImage image) {
        return predict(ImageInput.of(image));
    }

    /**
     * The class probabilities of one CIFAR-10 record.
     *
     * @param cifarRecord 3072 planar RGB bytes (or 3073 with the label byte first)
     * @return the probabilities, class 0 first
     * @throws InvalidImageException when the record has another length
     * @throws IllegalStateException when the net is closed
     */
    public float[] predict(byte[] cifarRecord) {
        return predict(ImageInput.cifar(cifarRecord));
    }

    /**
     * The class probabilities of several images, run in minibatches.
     *
     * @param images the images
     * @return per image, in order, its probabilities
     * @throws IllegalStateException when the net is closed
     * @throws JConvNetException when the net has no {@code cost.logreg} layer
     */
    public synchronized List<float[]> predict(List<ImageInput> images) {
        checkOpen();
        return forwardImages(probsLayer(), images);
    }

    /**
     * The class probabilities of data prepared by the caller (mean subtracted, cropped), as float32.
     *
     * @param data     {@code preparedSize() x numCases} values with the case index fastest
     *                 (cuda-convnet's layout), from the buffer's position to its limit
     * @param numCases the number of cases
     * @return {@code numClasses() x numCases} probabilities, case index fastest
     * @throws IllegalArgumentException when the buffer does not hold exactly that many values
     * @throws IllegalStateException when the net is closed
     * @see #featuresPrepared(String, FloatBuffer, int) for how the buffer reaches the backend
     */
    public float[] predictPrepared(FloatBuffer data, int numCases) {
        return featuresPrepared(probsLayer(), data, numCases);
    }

    /**
     * {@link #predictPrepared(FloatBuffer, int)} for an array; the array goes to the backend as it
     * is, without a copy on the host.
     *
     * @param data     {@code preparedSize() x numCases} values, case index fastest
     * @param numCases the number of cases
     * @return {@code numClasses() x numCases} probabilities, case index fastest
     * @throws IllegalArgumentException when the array does not hold exactly that many values
     * @throws IllegalStateException when the net is closed
     */
    public float[] predictPrepared(float[] data, int numCases) {
        return featuresPrepared(probsLayer(), FloatBuffer.wrap(data), numCases);
    }

    /**
     * The top {@code k} classes of a probability vector, most probable first (ties by class
     * index), named by {@link #classNames()} or by their index when the names are not known.
     *
     * @param probs the output of {@link #predict(ImageInput)}
     * @param k     how many classes; at most the number of classes is returned
     * @return the classes with their probabilities
     * @throws IllegalArgumentException when {@code k < 1}
     */
    public List<ClassScore> top(float[] probs, int k) {
        if (k < 1) {
            throw new IllegalArgumentException("top: k must be at least 1, got " + k);
        }
        List<String> names = probs.length == numClasses() ? classNames() : List.of();
        return IntStream.range(0, probs.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -probs[i]).thenComparing(i -> i))
                .limit(k)
                .map(i -> new ClassScore(i, names.isEmpty() ? String.valueOf(i) : names.get(i), probs[i]))
                .toList();
    }

    // ---------------------------------------------------------------------------------------------
    // Features

    /**
     * A layer's activations for each image (shownet's {@code --write-features} for given images).
     *
     * @param layer  the layer name
     * @param images the images
     * @return per image, in order, the layer's {@link #outputSize(String)} values
     * @throws InvalidOptionException when the net has no such layer
     * @throws IllegalStateException when the net is closed
     */
    public synchronized List<float[]> features(String layer, List<ImageInput> images) {
        checkOpen();
        requireLayer("features", layer);
        return forwardImages(layer, images);
    }

    /**
     * A layer's activations for data prepared by the caller. On a float32 net the values reach the
     * backend's tensor through {@link org.jconvnet.api.tensor.Tensor#upload(float[])}: a heap
     * buffer that wraps exactly the data (position 0, the whole array) goes as its array, with no
     * copy on the host; any other buffer (direct, a slice, read-only) is copied into one float
     * array first.
     *
     * @param layer    the layer name
     * @param data     {@code preparedSize() x numCases} values, case index fastest
     * @param numCases the number of cases
     * @return {@code outputSize(layer) x numCases} values, case index fastest
     * @throws InvalidOptionException when the net has no such layer
     * @throws IllegalArgumentException when the buffer does not hold exactly that many values
     * @throws IllegalStateException when the net is closed
     */
    public synchronized float[] featuresPrepared(String layer, FloatBuffer data, int numCases) {
        checkOpen();
        requireLayer("features", layer);
        if (numCases < 1) {
            throw new IllegalArgumentException("numCases must be at least 1, got " + numCases);
        }
        long expected = (long) preparedSize() * numCases;
        if (data.remaining() != expected) {
            throw new IllegalArgumentException("prepared data: " + numCases + " cases of " + preparedSize()
                    + " values need " + expected + " floats, the buffer holds " + data.remaining());
        }
        float[] values = data.hasArray() && data.arrayOffset() == 0 && data.position() == 0
                && data.array().length == expected ? data.array() : copyOf(data);
        Map<Integer, float[]> in = Map.of(0, values, 1, new float[numCases]);
        net.forwardFloats(in, numCases, PassMode.TEST);
        return net.outputFloats(layer);
    }

    /**
     * A layer's activations over every image of the test range, written as
     * {@code dir/name.npy} (outputs x N, C order, cases in test-range order) with the labels as
     * {@code dir/name.labels.npy}: what {@code jconvnet features} writes.
     *
     * @param layer the layer name
     * @param dir   the output directory; created when missing
     * @param name  the file name without {@code .npy}
     * @return the file and its shape
     * @throws InvalidOptionException when the net has no such layer or the data lacks the test range
     * @throws IllegalStateException when the net is closed
     */
    public synchronized WrittenFeatures writeFeatures(String layer, Path dir, String name) {
        checkOpen();
        requireLayer("features", layer);
        BatchRange range = run.checkedRange("--test-range", run.testRange().text());
        List<ServedBatch> batches = new ArrayList<>();
        for (int b : range.batches()) {
            batches.add(run.provider().serve(run.source().batch(b), ServeMode.TEST, 0));
        }
        Path f = FeatureWriter.write(run.def(), net, batches, run.mini(), layer, run.dtype(), dir, name);
        return new WrittenFeatures(f, run.def().layer(layer).outputs(),
                batches.stream().mapToInt(ServedBatch::numCases).sum());
    }

    /**
     * A features file written by {@link #writeFeatures}.
     *
     * @param file    {@code dir/name.npy}
     * @param outputs its rows: the layer's outputs
     * @param cases   its columns: the images of the test range
     */
    public record WrittenFeatures(Path file, int outputs, int cases) {
    }

    // ---------------------------------------------------------------------------------------------
    // Testing and export

    /**
     * Tests the net on its test range (the checkpoint's {@code --test-range}, or
     * {@link Loader#testRange(String)}), with 10 views per image when
     * {@link Loader#multiviewTest(boolean)} asked for them: what {@code jconvnet test} prints.
     *
     * @return the costs
     * @throws InvalidOptionException when the data set is not readable or lacks a batch of the range
     * @throws IllegalStateException when the net is closed
     */
    public synchronized TestResult test() {
        return test(run.testRange().text(), run.multiviewTest());
    }

    /**
     * Tests the net on the batches of {@code range} of its data set.
     *
     * @param range     batch numbers, e.g. {@code 6} or {@code 1-5}
     * @param multiview whether to average the softmax over 10 views per image (cifar-cropped nets)
     * @return the costs
     * @throws InvalidOptionException when the range is malformed, the data set is not readable or lacks
     *         one of its batches, or multiview is asked of a net without crops
     * @throws IllegalStateException when the net is closed
     */
    public synchronized TestResult test(String range, boolean multiview) {
        checkOpen();
        BatchRange batches = run.checkedRange("--test-range", range);
        if (multiview && !"cifar-cropped".equals(run.provider().name())) {
            throw new InvalidOptionException("multiview test needs a cifar-cropped net (the 10 views are crops); this one "
                    + "reads " + run.provider().name());
        }
        CostSums sums = Evaluator.testBatches(run, net, batches, multiview);
        return new TestResult(batches.text(), multiview, sums.cases(), sums.means(),
                Evaluator.testOutput(batches, multiview, sums));
    }

    /**
     * Writes every parameter as {@code dir/<layer>.<param>.npy} in cuda-convnet's shapes and memory
     * orders, and the data mean as {@code dir/data-mean.npy}: the files {@code jconvnet
     * export-weights} writes, which {@code --init-from} and {@link Loader#initFrom(Path)} read.
     *
     * @param dir the output directory; created when missing
     * @return the files written, the data mean last
     * @throws IllegalStateException when the net is closed
     */
    public synchronized List<Path> exportWeights(Path dir) {
        checkOpen();
        List<Path> files = new ArrayList<>(WeightsIo.export(run.def(), net, run.dtype(), dir));
        files.add(WeightsIo.exportDataMean(run.mean(), dir));
        return files;
    }

    /**
     * Frees the net's tensors and, when this object started the backend, closes the backend.
     * Idempotent; waits for a call in progress on another thread to end first.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            net.close();
        } finally {
            if (ownsBackend) {
                backend.close();
            }
        }
    }

    @Override
    public String toString() {
        return "JConvNet[" + what + " on " + backend.id() + (closed ? ", closed" : "") + "]";
    }

    // ---------------------------------------------------------------------------------------------

    /** Runs the images forward in minibatches, each prepared as a test batch, and cuts {@code layer}'s output per image. */
    private List<float[]> forwardImages(String layer, List<ImageInput> images) {
        int rows = run.def().layer(layer).outputs();
        List<float[]> out = new ArrayList<>(images.size());
        for (int start = 0; start < images.size(); start += run.mini()) {
            int m = Math.min(run.mini(), images.size() - start);
            byte[] pixels = new byte[m * CifarBatch.PIXELS];
            for (int j = 0; j < m; j++) {
                ImageInput image = Objects.requireNonNull(images.get(start + j), () -> "image " + out.size() + " is null");
                System.arraycopy(image.planar(), 0, pixels, j * CifarBatch.PIXELS, CifarBatch.PIXELS);
            }
            CifarBatch batch = new CifarBatch(0, "images given to predict", pixels, new byte[m]);
            ServedBatch served = run.provider().serve(batch, ServeMode.TEST, 0);
            net.forward(served.slice(0, m), m, PassMode.TEST);
            float[] act = net.outputFloats(layer);
            for (int j = 0; j < m; j++) {
                float[] one = new float[rows];
                for (int d = 0; d < rows; d++) {
                    one[d] = act[d * m + j];
                }
                out.add(one);
            }
        }
        return Collections.unmodifiableList(out);
    }

    private static float[] copyOf(FloatBuffer data) {
        float[] values = new float[data.remaining()];
        data.duplicate().get(values);
        return values;
    }

    private String probsLayer() {
        return Evaluator.probsLayer(run.def(), Evaluator.logregLayer(run.def(), run.options().logregName()));
    }

    private String dataLayer() {
        return run.def().layers().stream().filter(l -> l.dataIndex().equals(java.util.Optional.of(0))).map(Layer::name)
                .findFirst().orElseThrow(() -> new JConvNetException("the net has no data layer with dataIdx=0"));
    }

    private void requireLayer(String operation, String layer) {
        if (run.def().layers().stream().noneMatch(l -> l.name().equals(layer))) {
            throw new InvalidOptionException(operation + ": the net has no layer '" + layer + "'; its layers: "
                    + String.join(", ", layerNames()));
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this JConvNet (" + what + ") is closed; its tensors are freed. Open the "
                    + "checkpoint again with JConvNet.load(...).open()");
        }
    }

    // =============================================================================================

    /**
     * What to open or train, chosen before anything is read or started; returned by
     * {@link JConvNet#load} and {@link JConvNet#create}. Unset values take {@code jconvnet}'s
     * defaults, or a checkpoint's saved values. Not thread-safe; each {@link #open()} opens a new,
     * independent net.
     *
     * <p><b>Backend choice</b>, the command line's rules ({@link BackendStarter}): {@link #backend(String)}
     * names one and never falls back when it is unavailable; without it the system property
     * {@code -Djconvnet.backend=ID}, else the environment variable {@code JCONVNET_BACKEND}, else
     * the available backend of highest priority (cuda, opencl, cpu-blas, cpu) is used. Backends
     * are discovered with {@link java.util.ServiceLoader} on the {@link #classLoader(ClassLoader)},
     * so the backend's jar (e.g. {@code jconvnet-backend-cpu-reference}) has to be on it.
     */
    public static final class Loader {
        private final Path checkpoint;
        private TrainOptions options;
        private String backendId;
        private Supplier<? extends Backend> sharedBackend;
        private final List<Path> pluginDirs = new ArrayList<>();
        private ClassLoader classLoader = JConvNet.class.getClassLoader();
        private boolean dataRequired;
        private Consumer<ResolvedRun> beforeBackend = run -> { };
        private Consumer<String> warnings = w -> LOG.log(System.Logger.Level.WARNING, w);
        private boolean initFrom;

        private Loader(Path checkpoint, String layerDef) {
            this.checkpoint = checkpoint;
            this.options = TrainOptions.builder().loadFrom(checkpoint).layerDef(layerDef).build();
        }

        /** Sets what {@code b} sets, keeping the rest. */
        private Loader set(TrainOptions.Builder b) {
            options = options.overriddenBy(b.build());
            return this;
        }

        /**
         * Sets every option that {@code given} sets (its non-null fields), as the command line's
         * options would: the bridge for callers that already hold {@link TrainOptions}. The checkpoint
         * ({@code -f}) stays this loader's, the backend is chosen by {@link #backend(String)} or
         * {@link #runOn(Supplier)} only ({@code TrainOptions.backend()} is ignored), and training
         * settings ({@code epochs}, {@code save-path}, ...) count only in {@link #train(Training)}.
         *
         * @param given the options
         * @return this
         */
        public Loader options(TrainOptions given) {
            options = options.overriddenBy(given).overriddenBy(TrainOptions.builder().loadFrom(checkpoint).build());
            this.initFrom = options.initFrom() != null;
            return this;
        }

        /**
         * Runs on the backend with this id; it never falls back: when that backend is unavailable,
         * {@link #open()} fails with the reason. {@code null} restores the automatic choice.
         *
         * @param id a backend id: {@code cpu}, {@code cpu-blas}, {@code opencl}, {@code cuda} or a plugin's
         * @return this
         */
        public Loader backend(String id) {
            this.backendId = id;
            this.sharedBackend = null;
            return this;
        }

        /**
         * Runs on a backend the caller started and keeps owning: {@link JConvNet#close()} leaves it
         * open. {@code backend} is called once, after the checkpoint and options are checked, so a
         * mistake there starts nothing. Replaces {@link #backend(String)}.
         *
         * @param backend supplies the started backend
         * @return this
         */
        public Loader runOn(Supplier<? extends Backend> backend) {
            this.sharedBackend = Objects.requireNonNull(backend, "backend");
            this.backendId = null;
            return this;
        }

        /**
         * Adds plugin folders, as {@code jconvnet --plugins DIR} does: every jar in them joins the
         * class loader on which layer plugins, backends and kernel providers are discovered.
         *
         * @param dirs folders that must exist
         * @return this
         */
        public Loader plugins(Path... dirs) {
            pluginDirs.addAll(Arrays.asList(dirs));
            return this;
        }

        /**
         * The class loader on which layer plugins, backends and kernel providers are discovered
         * (plugin folders are added over it); by default the one that loaded jconvnet.
         *
         * @param loader the class loader
         * @return this
         */
        public Loader classLoader(ClassLoader loader) {
            this.classLoader = Objects.requireNonNull(loader, "loader");
            return this;
        }

        /**
         * The CIFAR-10 binary batch directory ({@code --data-path}) to test on, compute a fresh
         * net's data mean from, or train on; by default the checkpoint's, or the embedded synthetic
         * set for a fresh net.
         *
         * @param dir the directory of {@code data_batch_<k>.bin} and {@code test_batch.bin}
         * @return this
         */
        public Loader dataPath(Path dir) {
            return set(TrainOptions.builder().dataPath(dir));
        }

        /**
         * Whether {@link #open()} fails when the data set cannot be read or lacks the test range.
         * By default a checkpoint opens without its data set (prediction needs only the
         * checkpoint); {@link JConvNet#test()} and {@link JConvNet#writeFeatures} then fail naming
         * what is missing.
         *
         * @param required true to check the data when opening, as {@code jconvnet test} does
         * @return this
         */
        public Loader dataRequired(boolean required) {
            this.dataRequired = required;
            return this;
        }

        /**
         * The layer-params file ({@code --layer-params}); by default the one the checkpoint names
         * (re-read, as cuda-convnet does) or the one shipped with the net.
         *
         * @param file the file
         * @return this
         */
        public Loader layerParams(String file) {
            return set(TrainOptions.builder().layerParams(file));
        }

        /**
         * The data provider of a fresh net ({@code --data-provider}): {@code cifar} or
         * {@code cifar-cropped}; a checkpoint keeps its own.
         *
         * @param name the provider name
         * @return this
         */
        public Loader dataProvider(String name) {
            return set(TrainOptions.builder().dataProvider(name));
        }

        /**
         * The crop border of a fresh {@code cifar-cropped} net ({@code --crop-border}, 0 to 15).
         *
         * @param border the border
         * @return this
         */
        public Loader cropBorder(int border) {
            return set(TrainOptions.builder().cropBorder(border));
        }

        /**
         * The training batches of a fresh net ({@code --train-range}), e.g. {@code 1-5}.
         *
         * @param range the batch range
         * @return this
         */
        public Loader trainRange(String range) {
            return set(TrainOptions.builder().trainRange(range));
        }

        /**
         * The test batches ({@code --test-range}) of {@link JConvNet#test()}, e.g. {@code 6}.
         *
         * @param range the batch range
         * @return this
         */
        public Loader testRange(String range) {
            return set(TrainOptions.builder().testRange(range));
        }

        /**
         * Whether {@link JConvNet#test()} averages 10 views per image ({@code --multiview-test};
         * cifar-cropped nets).
         *
         * @param on 10-view testing
         * @return this
         */
        public Loader multiviewTest(boolean on) {
            return set(TrainOptions.builder().multiviewTest(on));
        }

        /**
         * The minibatch size ({@code --mini}): how many images one forward pass runs.
         *
         * @param cases at least 1
         * @return this
         * @throws InvalidOptionException when {@code cases < 1}
         */
        public Loader minibatch(int cases) {
            if (cases < 1) {
                throw new InvalidOptionException("minibatch: must be at least 1, got " + cases);
            }
            return set(TrainOptions.builder().mini(cases));
        }

        /**
         * The element type ({@code --dtype}): {@code float32} (the default) or {@code float64}.
         *
         * @param dtype the type's name
         * @return this
         */
        public Loader dtype(String dtype) {
            return set(TrainOptions.builder().dtype(dtype));
        }

        /**
         * The seed of a fresh net's weights and of training's crops ({@code --seed}).
         *
         * @param seed the seed
         * @return this
         */
        public Loader seed(long seed) {
            return set(TrainOptions.builder().seed(seed));
        }

        /**
         * The {@code cost.logreg} layer whose probabilities {@code predict} returns
         * ({@code --logreg-name}); by default the net's first.
         *
         * @param layer the layer name
         * @return this
         */
        public Loader logregName(String layer) {
            return set(TrainOptions.builder().logregName(layer));
        }

        /**
         * Initial weights of a fresh net from {@code dir/<layer>.<param>.npy} ({@code --init-from};
         * the files {@link JConvNet#exportWeights} writes), with the data mean of
         * {@code dir/data-mean.npy} when it is there.
         *
         * @param dir the weights directory
         * @return this
         */
        public Loader initFrom(Path dir) {
            this.initFrom = dir != null;
            return set(TrainOptions.builder().initFrom(dir));
        }

        /**
         * Where warnings go (a skipped damaged checkpoint, a layer-params file that could not be
         * re-read); by default to the {@link System.Logger} {@code org.jconvnet.train.facade.JConvNet}.
         *
         * @param sink receives one line per warning
         * @return this
         */
        public Loader warnings(Consumer<String> sink) {
            this.warnings = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /**
         * A check of the resolved run (options, checkpoint, net definition) that {@link #open()} runs
         * before any backend starts, so that a caller's own argument checks (the command line's
         * names for options) fail without starting one.
         *
         * @param check throws to refuse the run
         * @return this
         */
        public Loader beforeBackend(Consumer<ResolvedRun> check) {
            this.beforeBackend = Objects.requireNonNull(check, "check");
            return this;
        }

        /**
         * Reads the checkpoint (or builds the fresh net's definition), checks every choice, starts the
         * backend and puts the net's weights on it.
         *
         * @return the open net; close it
         * @throws InvalidOptionException when a choice does not fit (an unknown backend, a missing plugin
         *         folder, a range the data does not hold, an option that conflicts with the checkpoint);
         *         nothing is started then
         * @throws org.jconvnet.api.config.ConfigException when the net's cfg files are wrong, naming file, section and key
         * @throws JConvNetException when the checkpoint is missing or damaged, or the backend cannot start
         */
        public JConvNet open() {
            requireCheckpointDir();
            Discovery d = discover();
            ResolvedRun run = ResolvedRun.resolve(options, checkpoint != null || initFrom, dataRequired,
                    d.layers(), warnings);
            beforeBackend.accept(run);
            Backend backend;
            boolean owns = sharedBackend == null;
            if (owns) {
                BackendStarter.Started started = BackendStarter.start(backendId, d.backends(), d.config());
                LOG.log(System.Logger.Level.INFO, started.how());
                backend = started.backend();
            } else {
                backend = Objects.requireNonNull(sharedBackend.get(), "the backend supplier gave null");
            }
            try {
                Net net = TrainingJob.buildNet(run, backend, w -> LOG.log(System.Logger.Level.INFO, w));
                return new JConvNet(run, backend, owns, net, describe());
            } catch (RuntimeException e) {
                if (owns) {
                    backend.close();
                }
                throw e;
            }
        }

        /**
         * Trains the net as {@code jconvnet train} does: a fresh net from {@link JConvNet#create}
         * into {@link Training#saveTo}, or a checkpoint from {@link JConvNet#load} resumed in its
         * own run directory up to {@link Training#epochs}. Checkpoints are written atomically after
         * every test; the run directory is locked against a second trainer meanwhile. The backend
         * (when started here) is closed when training ends.
         *
         * @param training the run's settings
         * @return where the run ended
         * @throws InvalidOptionException when a choice does not fit, before anything is started or written
         * @throws org.jconvnet.train.run.RunDirectoryConflict when the run directory already holds a run
         *         or another process trains in it
         * @throws org.jconvnet.train.run.DivergenceException when a cost or weight becomes non-finite
         */
        public TrainingResult train(Training training) {
            requireCheckpointDir();
            Discovery d = discover();
            TrainOptions o = options.overriddenBy(TrainOptions.builder().epochs(training.epochs())
                    .testFreq(training.testFreq()).lrSchedule(training.lrSchedule()).testOne(training.testOne())
                    .multiviewTest(training.multiviewTest())
                    .savePath(training.savePath()).saveName(training.saveName()).build());
            List<Backend> started = new ArrayList<>();
            TrainingJob job = new TrainingJob(ignoredId -> {
                if (sharedBackend != null) {
                    return sharedBackend.get();
                }
                BackendStarter.Started s = BackendStarter.start(backendId, d.backends(), d.config());
                training.err().println(s.how());
                started.add(s.backend());
                return s.backend();
            }, d.layers(), training.out(), training.err(),
                    TrainingEnvironment.plain().withMetricsListener(training.listener()));
            try {
                TrainingJob.Result r = job.train(o);
                return new TrainingResult(r.saveDir(), r.epoch(), r.batchNum(), r.batchesTrained(), r.lastTest());
            } finally {
                started.forEach(Backend::close);
            }
        }

        /** The layer plugins found on the class loader with the plugin folders; backends are discovered when one is started. */
        private record Discovery(ClassLoader loader, LayerPluginRegistry layers) {
            BackendRegistry backends() {
                return BackendRegistry.discover(loader);
            }

            BackendConfig config() {
                return BackendConfig.defaults().withPluginLoader(loader);
            }
        }

        private Discovery discover() {
            ClassLoader loader = PluginJars.scan(pluginDirs, classLoader).classLoader();
            return new Discovery(loader, LayerPluginRegistry.discover(loader));
        }

        private void requireCheckpointDir() {
            if (checkpoint != null && !java.nio.file.Files.isDirectory(checkpoint)) {
                throw new JConvNetException("JConvNet.load(" + checkpoint + "): " + (java.nio.file.Files.exists(checkpoint)
                        ? "is a file, not a checkpoint directory" : "no such checkpoint directory"));
            }
        }

        private String describe() {
            TrainOptions o = options;
            return checkpoint != null ? "checkpoint " + checkpoint
                    : "new net " + (o.layerDef() != null ? o.layerDef() : "(seed net)");
        }
    }
}
