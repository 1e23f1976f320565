package org.jconvnet.train;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The options of a training, test or feature run, named as cuda-convnet's {@code convnet.py}
 * options (cuda-convnet.md §5.6). A {@code null} field means "not given": defaults are applied by
 * {@link TrainingJob}, and on resume ({@code -f}) the value saved in the checkpoint wins over the
 * default but not over an explicit value, as in cuda-convnet.
 *
 * @param dataPath      {@code --data-path}: a CIFAR-10 binary directory; null for the embedded synthetic set
 * @param layerDef      {@code --layer-def}: a shipped net name or a file; null for the seed net
 * @param layerParams   {@code --layer-params}: a file; null for the one alongside the layer-def (or the demo file)
 * @param dataProvider  {@code --data-provider}: {@code cifar} or {@code cifar-cropped}
 * @param trainRange    {@code --train-range}, e.g. {@code 1-5}
 * @param testRange     {@code --test-range}, e.g. {@code 6}
 * @param testFreq      {@code --test-freq}: test (and save) every this many training batches
 * @param epochs        {@code --epochs}: train while the epoch is at most this (cumulative over resumes)
 * @param mini          {@code --mini}: minibatch size
 * @param testOne       {@code --test-one}: test on one test batch in rotation (true) or all (false)
 * @param savePath      {@code --save-path}: where checkpoint directories are created
 * @param saveName      the checkpoint directory name under the save path (cuda-convnet: {@code ConvNet__<time>})
 * @param loadFrom      {@code -f}: resume from (or test) this checkpoint directory
 * @param multiviewTest {@code --multiview-test}: 10-view tests, during training and with test-only (cropped provider)
 * @param testOnly      {@code --test-only}: only test the loaded model
 * @param initFrom      {@code --init-from}: initial weights from {@code <layer>.weights.npy}/{@code .biases.npy}
 * @param seed          {@code --seed}: makes weight init and crops reproducible
 * @param backend       {@code --backend}: backend id; null for the automatic choice
 * @param dtype         {@code float32} (cuda-convnet) or {@code float64}
 * @param cropBorder    {@code --crop-border} for {@code cifar-cropped}
 * @param logregName    {@code --logreg-name}: the cost layer multiview testing uses
 */
public record TrainOptions(Path dataPath, String layerDef, String layerParams, String dataProvider,
                           String trainRange, String testRange, Integer testFreq, Integer epochs, Integer mini,
                           Boolean testOne, Path savePath, String saveName, Path loadFrom, Boolean multiviewTest,
                           Boolean testOnly, Path initFrom, Long seed, String backend, String dtype,
                           Integer cropBorder, String logregName) {

    /** No option given. */
    public static TrainOptions none() {
        return new Builder().build();
    }

    /** A builder starting from no options. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.dataPath = dataPath; b.layerDef = layerDef; b.layerParams = layerParams; b.dataProvider = dataProvider;
        b.trainRange = trainRange; b.testRange = testRange; b.testFreq = testFreq; b.epochs = epochs; b.mini = mini;
        b.testOne = testOne; b.savePath = savePath; b.saveName = saveName; b.loadFrom = loadFrom;
        b.multiviewTest = multiviewTest; b.testOnly = testOnly; b.initFrom = initFrom; b.seed = seed;
        b.backend = backend; b.dtype = dtype; b.cropBorder = cropBorder; b.logregName = logregName;
        return b;
    }

    /** The given options by cuda-convnet name, for the checkpoint manifest and messages. */
    public Map<String, Object> asMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "data-path", dataPath);
        put(m, "layer-def", layerDef);
        put(m, "layer-params", layerParams);
        put(m, "data-provider", dataProvider);
        put(m, "train-range", trainRange);
        put(m, "test-range", testRange);
        put(m, "test-freq", testFreq);
        put(m, "epochs", epochs);
        put(m, "mini", mini);
        put(m, "test-one", testOne);
        put(m, "save-path", savePath);
        put(m, "save-name", saveName);
        put(m, "multiview-test", multiviewTest);
        put(m, "init-from", initFrom);
        put(m, "seed", seed);
        put(m, "backend", backend);
        put(m, "dtype", dtype);
        put(m, "crop-border", cropBorder);
        put(m, "logreg-name", logregName);
        return m;
    }

    private static void put(Map<String, Object> m, String k, Object v) {
        if (v instanceof Path) {
            m.put(k, v.toString());
        } else if (v instanceof Integer) {
            m.put(k, ((Integer) v).longValue()); // JSON reads integers back as Long
        } else if (v != null) {
            m.put(k, v);
        }
    }

    /**
     * These options with every unset field filled from {@code saved} (a checkpoint's
     * {@link #asMap()}), which is how a resumed run keeps its original settings.
     */
    public TrainOptions over(Map<String, Object> saved) {
        Builder b = toBuilder();
        if (b.dataPath == null && saved.get("data-path") != null) {
            b.dataPath = Path.of(saved.get("data-path").toString());
        }
        b.layerDef = b.layerDef != null ? b.layerDef : str(saved, "layer-def");
        b.layerParams = b.layerParams != null ? b.layerParams : str(saved, "layer-params");
        b.dataProvider = b.dataProvider != null ? b.dataProvider : str(saved, "data-provider");
        b.trainRange = b.trainRange != null ? b.trainRange : str(saved, "train-range");
        b.testRange = b.testRange != null ? b.testRange : str(saved, "test-range");
        b.testFreq = b.testFreq != null ? b.testFreq : integer(saved, "test-freq");
        b.epochs = b.epochs != null ? b.epochs : integer(saved, "epochs");
        b.mini = b.mini != null ? b.mini : integer(saved, "mini");
        b.testOne = b.testOne != null ? b.testOne : (Boolean) saved.get("test-one");
        b.multiviewTest = b.multiviewTest != null ? b.multiviewTest : (Boolean) saved.get("multiview-test");
        b.seed = b.seed != null ? b.seed : saved.get("seed") instanceof Number ? ((Number) saved.get("seed")).longValue() : null;
        b.dtype = b.dtype != null ? b.dtype : str(saved, "dtype");
        b.cropBorder = b.cropBorder != null ? b.cropBorder : integer(saved, "crop-border");
        b.logregName = b.logregName != null ? b.logregName : str(saved, "logreg-name");
        return b.build();
    }

    private static String str(Map<String, Object> m, String k) {
        Object v = m.get(k);
        return v == null ? null : v.toString();
    }

    private static Integer integer(Map<String, Object> m, String k) {
        Object v = m.get(k);
        return v instanceof Number ? ((Number) v).intValue() : null;
    }

    /** Fluent construction; unset fields stay null ("not given"). */
    public static final class Builder {
        private Path dataPath;
        private String layerDef;
        private String layerParams;
        private String dataProvider;
        private String trainRange;
        private String testRange;
        private Integer testFreq;
        private Integer epochs;
        private Integer mini;
        private Boolean testOne;
        private Path savePath;
        private String saveName;
        private Path loadFrom;
        private Boolean multiviewTest;
        private Boolean testOnly;
        private Path initFrom;
        private Long seed;
        private String backend;
        private String dtype;
        private Integer cropBorder;
        private String logregName;

        /** {@code --data-path}. */
        public Builder dataPath(Path v) { dataPath = v; return this; }
        /** {@code --layer-def}. */
        public Builder layerDef(String v) { layerDef = v; return this; }
        /** {@code --layer-params}. */
        public Builder layerParams(String v) { layerParams = v; return this; }
        /** {@code --data-provider}. */
        public Builder dataProvider(String v) { dataProvider = v; return this; }
        /** {@code --train-range}. */
        public Builder trainRange(String v) { trainRange = v; return this; }
        /** {@code --test-range}. */
        public Builder testRange(String v) { testRange = v; return this; }
        /** {@code --test-freq}. */
        public Builder testFreq(Integer v) { testFreq = v; return this; }
        /** {@code --epochs}. */
        public Builder epochs(Integer v) { epochs = v; return this; }
        /** {@code --mini}. */
        public Builder mini(Integer v) { mini = v; return this; }
        /** {@code --test-one}. */
        public Builder testOne(Boolean v) { testOne = v; return this; }
        /** {@code --save-path}. */
        public Builder savePath(Path v) { savePath = v; return this; }
        /** Checkpoint directory name under the save path. */
        public Builder saveName(String v) { saveName = v; return this; }
        /** {@code -f}. */
        public Builder loadFrom(Path v) { loadFrom = v; return this; }
        /** {@code --multiview-test}. */
        public Builder multiviewTest(Boolean v) { multiviewTest = v; return this; }
        /** {@code --test-only}. */
        public Builder testOnly(Boolean v) { testOnly = v; return this; }
        /** {@code --init-from}. */
        public Builder initFrom(Path v) { initFrom = v; return this; }
        /** {@code --seed}. */
        public Builder seed(Long v) { seed = v; return this; }
        /** {@code --backend}. */
        public Builder backend(String v) { backend = v; return this; }
        /** {@code --dtype}. */
        public Builder dtype(String v) { dtype = v; return this; }
        /** {@code --crop-border}. */
        public Builder cropBorder(Integer v) { cropBorder = v; return this; }
        /** {@code --logreg-name}. */
        public Builder logregName(String v) { logregName = v; return this; }

        /** The options. */
        public TrainOptions build() {
            return new TrainOptions(dataPath, layerDef, layerParams, dataProvider, trainRange, testRange, testFreq,
                    epochs, mini, testOne, savePath, saveName, loadFrom, multiviewTest, testOnly, initFrom, seed,
                    backend, dtype, cropBorder, logregName);
        }
    }
}
