package org.jconvnet.train.bench;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One backend's measurement of one net, as {@code bench --json} writes it. Rates are images/s
 * (median over the repeats, then min and max, then every sample); GFLOP/s are the medians times
 * the net's FLOPs per image ({@link org.jconvnet.layers.net.NetFlops}); a share is a GFLOP/s median
 * over the peak measured in the same run, NaN (written {@code "NaN"}) when the peak is unknown.
 */
@JsonPropertyOrder(alphabetic = false)
public record BenchResult(
        @JsonProperty("backend") String backend,
        @JsonProperty("device") String device,
        @JsonProperty("net") String net,
        @JsonProperty("mini") int mini,
        @JsonProperty("dtype") String dtype,
        @JsonProperty("repeats") int repeats,
        @JsonProperty("minibatches_per_repeat") int minibatchesPerRepeat,
        @JsonProperty("warmup") int warmup,
        @JsonProperty("train_images_per_s") double trainImagesPerS,
        @JsonProperty("train_images_per_s_min") double trainImagesPerSMin,
        @JsonProperty("train_images_per_s_max") double trainImagesPerSMax,
        @JsonProperty("train_images_per_s_samples") List<Double> trainImagesPerSSamples,
        @JsonProperty("forward_images_per_s") double forwardImagesPerS,
        @JsonProperty("forward_images_per_s_min") double forwardImagesPerSMin,
        @JsonProperty("forward_images_per_s_max") double forwardImagesPerSMax,
        @JsonProperty("forward_images_per_s_samples") List<Double> forwardImagesPerSSamples,
        @JsonProperty("forward_flops_per_image") long forwardFlopsPerImage,
        @JsonProperty("train_flops_per_image") long trainFlopsPerImage,
        @JsonProperty("train_gflops") double trainGflops,
        @JsonProperty("forward_gflops") double forwardGflops,
        @JsonProperty("peak_gflops") double peakGflops,
        @JsonProperty("peak_source") String peakSource,
        @JsonProperty("train_share_of_peak") double trainShareOfPeak,
        @JsonProperty("forward_share_of_peak") double forwardShareOfPeak) {

    /**
     * Assembles a result from the measured spreads.
     *
     * @param train   training images/s over the repeats
     * @param forward forward-only images/s over the repeats
     */
    public static BenchResult of(String backend, String device, String net, int mini, String dtype, int minibatches,
                                 int warmup, Spread train, Spread forward, long forwardFlops, long trainFlops,
                                 Peaks.Peak peak) {
        double trainGflops = train.median() * trainFlops / 1e9;
        double forwardGflops = forward.median() * forwardFlops / 1e9;
        return new BenchResult(backend, device, net, mini, dtype, train.samples().size(), minibatches, warmup,
                train.median(), train.min(), train.max(), train.samples(),
                forward.median(), forward.min(), forward.max(), forward.samples(),
                forwardFlops, trainFlops, trainGflops, forwardGflops, peak.gflops(), peak.source(),
                trainGflops / peak.gflops(), forwardGflops / peak.gflops());
    }
}
