package org.jconvnet.peer.djl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Prints jconvnet beside PyTorch from the two JSON files of one comparison run
 * ({@code jconvnet bench --json} and {@link PeerBench}'s): per net, every jconvnet backend's
 * training and forward-only images/s (medians), PyTorch's, and the ratios jconvnet / PyTorch.
 *
 * <p>Usage: {@code Compare JCONVNET.json PYTORCH.json}.
 */
public final class Compare {
    private Compare() {
    }

    /** Entry point; exit code 2 for bad arguments. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: Compare JCONVNET.json PYTORCH.json");
            System.exit(2);
        }
        JsonNode ours = JsonMapper.builder().build().readTree(Path.of(args[0]).toFile());
        JsonNode peer = JsonMapper.builder().build().readTree(Path.of(args[1]).toFile());
        String format = "%-26s  %-10s  %11s  %11s  %11s  %11s  %7s  %7s  %7s%n";
        System.out.printf(Locale.ROOT, format, "NET", "BACKEND", "TRAIN IMG/S", "TORCH TRAIN", "FWD IMG/S", "TORCH FWD",
                "TRAIN x", "FWD x", "%PEAK");
        for (JsonNode p : peer.get("results")) {
            String net = p.get("net").asText();
            double pt = p.get("train_images_per_s").asDouble();
            double pf = p.get("forward_images_per_s").asDouble();
            for (JsonNode o : ours.get("results")) {
                if (!o.get("net").asText().equals(net)) {
                    continue;
                }
                double ot = o.get("train_images_per_s").asDouble();
                double of = o.get("forward_images_per_s").asDouble();
                double share = o.get("train_share_of_peak").asDouble();
                System.out.printf(Locale.ROOT, format, net.replace(".cfg", ""), o.get("backend").asText(),
                        String.format(Locale.ROOT, "%.1f", ot), String.format(Locale.ROOT, "%.1f", pt),
                        String.format(Locale.ROOT, "%.1f", of), String.format(Locale.ROOT, "%.1f", pf),
                        String.format(Locale.ROOT, "%.2f", ot / pt), String.format(Locale.ROOT, "%.2f", of / pf),
                        Double.isNaN(share) ? "?" : String.format(Locale.ROOT, "%.1f", 100 * share));
            }
        }
        JsonNode hostPeak = ours.get("host_sgemm_peak_gflops");
        System.out.println("TRAIN x, FWD x = jconvnet / PyTorch (" + peer.get("results").get(0).get("backend").asText()
                + "), medians of this run; %PEAK = jconvnet's training GFLOP/s over the host's sgemm peak"
                + (hostPeak == null || !hostPeak.isNumber() ? " (unknown)" : String.format(Locale.ROOT, " (%.1f GFLOP/s)",
                hostPeak.asDouble())) + ", measured in this run");
    }
}
