package org.jconvnet.train;

import org.jconvnet.layers.net.NetCatalog;

/**
 * The one table of option defaults: what {@link ResolvedRun} uses for an option that is neither
 * given nor saved in the checkpoint being resumed. The first column is cuda-convnet's (real
 * CIFAR-10 data); the {@code EMBEDDED_} column applies when there is no {@code --data-path} and
 * the run trains on the embedded synthetic set ({@link EmbeddedDemo}).
 *
 * <p>Every value is a compile-time constant so that the command line's help texts (module
 * {@code cli}, package {@code org.jconvnet.cli.train}) are built from this table too and can never
 * state another default than the one applied.
 */
public final class TrainDefaults {
    /** {@code --layer-def}: the seed net. */
    public static final String LAYER_DEF = NetCatalog.SEED;
    /** {@code --data-provider}. */
    public static final String DATA_PROVIDER = "cifar";
    /** {@code --train-range}: the five CIFAR-10 training batches. */
    public static final String TRAIN_RANGE = "1-5";
    /** {@code --test-range}: the CIFAR-10 test batch, numbered 6 as cuda-convnet does. */
    public static final String TEST_RANGE = "6";
    /** {@code --mini}: cuda-convnet's minibatch. */
    public static final int MINI = 128;
    /** {@code --mini} on the embedded set: small, so two minutes give ~60 SGD steps. */
    public static final int EMBEDDED_MINI = 16;
    /** {@code --epochs}: cuda-convnet trains until stopped. */
    public static final int EPOCHS = 50000;
    /** {@code --epochs} on the embedded set (the stop rule adds one batch of epoch 2). */
    public static final int EMBEDDED_EPOCHS = 1;
    /** {@code --test-freq}, in training batches. */
    public static final int TEST_FREQ = 50;
    /** {@code --test-freq} on the embedded set: once per epoch, i.e. the size of the train range. */
    public static final String EMBEDDED_TEST_FREQ = "one epoch";
    /** {@code --test-one}: test the next test batch in rotation rather than all. */
    public static final boolean TEST_ONE = true;
    /** {@code --multiview-test}. */
    public static final boolean MULTIVIEW_TEST = false;
    /** {@code --crop-border} of {@code cifar-cropped}. */
    public static final int CROP_BORDER = 4;
    /** {@code --dtype}: cuda-convnet's precision. */
    public static final String DTYPE = "float32";
    /** {@code --save-path}. */
    public static final String SAVE_PATH = "checkpoints";
    /** {@code --save-name}: this prefix and the start time in {@link #SAVE_NAME_TIME} form, as cuda-convnet names runs. */
    public static final String SAVE_NAME_PREFIX = "ConvNet__";
    /** The time format of the default save name. */
    public static final String SAVE_NAME_TIME = "yyyy-MM-dd_HH.mm.ss";

    private TrainDefaults() {
    }
}
