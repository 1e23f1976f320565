package org.jconvnet.train.checkpoint;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.jconvnet.train.metrics.Metric;

/**
 * A checkpoint's {@code manifest.json} as written and read (format version
 * {@value Checkpoint#FORMAT_VERSION}; {@code train/README.md} shows an example). Boxed fields are
 * null when a file lacks them, so the reader can name what is missing.
 *
 * @param format        always {@value #FORMAT}
 * @param formatVersion the format version
 * @param epoch         epoch of the batch just trained
 * @param batchnum      number of the batch just trained
 * @param batchesDone   training batches done
 * @param dtype         the parameters' precision, e.g. {@code float32}
 * @param layerDef      the layer-definition's name and its copy in the checkpoint
 * @param layerParams   the layer-params file's name and its copy in the checkpoint
 * @param dataMean      the data mean's file
 * @param options       the saved options
 * @param params        every parameter's shape, order and files
 * @param metrics       the metrics records so far
 * @param files         every other file's size and CRC-32, by name
 */
record Manifest(String format, Integer formatVersion, Integer epoch, Integer batchnum, Long batchesDone, String dtype,
                NamedFile layerDef, NamedFile layerParams, String dataMean, ObjectNode options, List<Param> params,
                List<Metric> metrics, Map<String, FileCheck> files) {

    /** The value of {@code format}. */
    static final String FORMAT = "jconvnet-checkpoint";

    /**
     * A text file of the checkpoint and the name of what it was copied from.
     *
     * @param name the original's name (a shipped net's name or a path)
     * @param file the copy's file name in the checkpoint
     */
    record NamedFile(String name, String file) {
    }

    /**
     * One parameter's entry.
     *
     * @param layer        layer name
     * @param param        parameter name, e.g. {@code weights.1}
     * @param shape        numpy shape (rows, columns)
     * @param order        {@code C} or {@code F}
     * @param file         the parameter's file
     * @param momentumFile its momentum buffer's file
     */
    record Param(String layer, String param, List<Integer> shape, String order, String file, String momentumFile) {
    }

    /**
     * What a file must be to load.
     *
     * @param bytes its size
     * @param crc32 its CRC-32
     */
    record FileCheck(long bytes, long crc32) {
    }
}
