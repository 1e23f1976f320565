package org.jconvnet.peer.djl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints jconvnet beside PyTorch from the JSON files of a comparison run ({@code jconvnet bench
 * --json} and {@link PeerBench}'s): per net, every jconvnet backend's training and forward-only
 * images/s (medians), PyTorch's, and the ratios jconvnet / PyTorch.
 *
 * <p>Usage: {@code Compare JCONVNET.json PYTORCH.json [JCONVNET.json PYTORCH.json ...]}. Each pair
 * is one round, measured back to back; with several rounds it prints each round's table, then the
 * median over the rounds of each ratio with its range. The ratios are taken within a round, so a
 * host whose speed drifts between rounds moves both sides of each ratio alike.
 */
public final class Compare {
    private static final String FORMAT = "%-26s  %-10s  %11s  %11s  %11s  %11s  %7s  %7s  %7s%n";

    private Compare() {
    }

    /** One net on one jconvnet backend beside PyTorch, from one round. */
    record Row(String net, String backend, double train, double peerTrain, double forward, double peerForward,
               double shareOfPeak) {
        double trainRatio() {
            return train / peerTrain;
        }

        double forwardRatio() {
            return forward / peerForward;
        }
    }

    /** Entry point; exit code 2 for bad arguments. */
    public static void main(String[] args) throws IOException {
        if (args.length < 2 || args.length % 2 != 0) {
            System.err.println("usage: Compare JCONVNET.json PYTORCH.json [JCONVNET.json PYTORCH.json ...]");
            System.exit(2);
        }
        List<List<Row>> rounds = new ArrayList<>();
        for (int i = 0; i < args.length; i += 2) {
            JsonNode ours = JsonMapper.builder().build().readTree(Path.of(args[i]).toFile());
            JsonNode peer = JsonMapper.builder().build().readTree(Path.of(args[i + 1]).toFile());
            List<Row> rows = rows(ours, peer);
            rounds.add(rows);
            if (args.length > 2) {
                System.out.println("round " + (i / 2 + 1) + ":");
            }
            print(rows);
            JsonNode hostPeak = ours.get("host_sgemm_peak_gflops");
            System.out.println("TRAIN x, FWD x = jconvnet / PyTorch (" + peer.get("results").get(0).get("backend").asText()
                    + "), medians of this run; %PEAK = jconvnet's training GFLOP/s over the host's sgemm peak"
                    + (hostPeak == null || !hostPeak.isNumber() ? " (unknown)" : String.format(Locale.ROOT,
                    " (%.1f GFLOP/s)", hostPeak.asDouble())) + ", measured in this run");
        }
        if (rounds.size() > 1) {
            printMedians(rounds);
        }
    }

    /** Every jconvnet row of {@code ours} whose net PyTorch ran too, beside PyTorch's figures. */
    static List<Row> rows(JsonNode ours, JsonNode peer) {
        List<Row> rows = new ArrayList<>();
        for (JsonNode p : peer.get("results")) {
            String net = p.get("net").asText();
            for (JsonNode o : ours.get("results")) {
                if (o.get("net").asText().equals(net)) {
                    rows.add(new Row(net.replace(".cfg", ""), o.get("backend").asText(),
                            o.get("train_images_per_s").asDouble(), p.get("train_images_per_s").asDouble(),
                            o.get("forward_images_per_s").asDouble(), p.get("forward_images_per_s").asDouble(),
                            o.get("train_share_of_peak").asDouble()));
                }
            }
        }
        return rows;
    }

    private static void print(List<Row> rows) {
        System.out.printf(Locale.ROOT, FORMAT, "NET", "BACKEND", "TRAIN IMG/S", "TORCH TRAIN", "FWD IMG/S", "TORCH FWD",
                "TRAIN x", "FWD x", "%PEAK");
        for (Row r : rows) {
            System.out.printf(Locale.ROOT, FORMAT, r.net(), r.backend(), f1(r.train()), f1(r.peerTrain()),
                    f1(r.forward()), f1(r.peerForward()), f2(r.trainRatio()), f2(r.forwardRatio()),
                    Double.isNaN(r.shareOfPeak()) ? "?" : f1(100 * r.shareOfPeak()));
        }
    }

    /** Per net and backend: the median over the rounds of each ratio, and its lowest and highest. */
    private static void printMedians(List<List<Row>> rounds) {
        Map<String, List<Row>> byKey = new LinkedHashMap<>();
        rounds.forEach(rows -> rows.forEach(r -> byKey.computeIfAbsent(r.net() + "  " + r.backend(),
                k -> new ArrayList<>()).add(r)));
        System.out.println();
        System.out.println("over " + rounds.size() + " rounds (ratios within each round):");
        String format = "%-38s  %-22s  %-22s%n";
        System.out.printf(Locale.ROOT, format, "NET  BACKEND", "TRAIN x median (range)", "FWD x median (range)");
        byKey.forEach((key, rows) -> {
            double[] train = rows.stream().mapToDouble(Row::trainRatio).toArray();
            double[] forward = rows.stream().mapToDouble(Row::forwardRatio).toArray();
            System.out.printf(Locale.ROOT, format, key, summary(train), summary(forward));
        });
    }

    /** {@code median (lowest-highest)} of {@code values}. */
    static String summary(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return f2(median) + " (" + f2(sorted[0]) + "-" + f2(sorted[n - 1]) + ")";
    }

    private static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String f2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
