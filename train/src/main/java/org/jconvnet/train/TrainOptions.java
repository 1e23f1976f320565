package org.jconvnet.train;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import org.jconvnet.train.metrics.TrainJson;

/**
 * The options of a training, test or feature run, named as cuda-convnet's {@code convnet.py}
 * options (cuda-convnet.md §5.6). A {@code null} field means "not given": {@link ResolvedRun} applies
 * the defaults of {@link TrainDefaults}, and on resume ({@code -f}) the value saved in the
 * checkpoint wins over the default but not over an explicit value, as in cuda-convnet.
 *
 * <p>In a checkpoint's manifest the options are this record as JSON, each field under its
 * cuda-convnet name ({@code dataPath} as {@code data-path}), unset ones left out.
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
 * @param lrSchedule    {@code --lr-schedule}: the learning-rate schedule's text ({@code 120:0.1,130:0.01} or
 *                      {@code none}), see {@link org.jconvnet.train.solver.LrSchedule}; kept over resumes like the others
 */
@JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TrainOptions(Path dataPath, String layerDef, String layerParams, String dataProvider,
                           String trainRange, String testRange, Integer testFreq, Integer epochs, Integer mini,
                           Boolean testOne, Path savePath, String saveName, Path loadFrom, Boolean multiviewTest,
                           Boolean testOnly, Path initFrom, Long seed, String backend, String dtype,
                           Integer cropBorder, String logregName, String lrSchedule) {

    /**
     * Options that describe one session rather than the model, so a resumed run never takes them
     * from the checkpoint: where to load from and save to, what to do, the start weights, the backend.
     */
    static final List<String> SESSION_ONLY = List.of("load-from", "test-only", "save-path", "save-name", "init-from",
            "backend");

    /** No option given. */
    public static TrainOptions none() {
        return new Builder().build();
    }

    /** A builder starting from no options. */
    public static Builder builder() {
        return new Builder();
    }

    /** These options with every field that {@code given} sets replaced by its value. */
    public TrainOptions overriddenBy(TrainOptions given) {
        ObjectNode merged = TrainJson.toTree(this);
        merged.setAll(TrainJson.toTree(given));
        return TrainJson.convert(merged, TrainOptions.class, "options");
    }

    /**
     * These options over a checkpoint's saved ones: each option given here wins, the others come
     * from {@code saved} (except {@link #SESSION_ONLY} ones), which is how a resumed run keeps its
     * original settings.
     */
    public TrainOptions over(JsonNode saved) {
        ObjectNode kept = saved.isObject() ? ((ObjectNode) saved).deepCopy() : TrainJson.object();
        kept.remove(SESSION_ONLY);
        return TrainJson.convert(kept, TrainOptions.class, "the checkpoint's options").overriddenBy(this);
    }

    /** The options a checkpoint keeps: these, without {@code -f} and {@code --test-only}. */
    public ObjectNode toSaved() {
        ObjectNode tree = TrainJson.toTree(this);
        tree.remove(List.of("load-from", "test-only"));
        return tree;
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
        private String lrSchedule;

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
        /** {@code --lr-schedule}. */
        public Builder lrSchedule(String v) { lrSchedule = v; return this; }

        /** The options. */
        public TrainOptions build() {
            return new TrainOptions(dataPath, layerDef, layerParams, dataProvider, trainRange, testRange, testFreq,
                    epochs, mini, testOne, savePath, saveName, loadFrom, multiviewTest, testOnly, initFrom, seed,
                    backend, dtype, cropBorder, logregName, lrSchedule);
        }
    }
}
