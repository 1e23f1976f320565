package org.jconvnet.api.kernel.contract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The sample table of every built-in contract, gathered from the families' {@code samples()}: the
 * one case table that the backends' parity tests, the CPU reference's tests, the GPU plan tests
 * and the kernel benchmarks run from (see {@link KernelSample}).
 */
public final class KernelSamples {
    private static final List<KernelSample> ALL = gather();

    private KernelSamples() {
    }

    private static List<KernelSample> gather() {
        List<KernelSample> all = new ArrayList<>();
        all.addAll(Sgd.samples());
        all.addAll(Bias.samples());
        all.addAll(Filter.samples());
        all.addAll(Fc.samples());
        all.addAll(Pool.samples());
        all.addAll(Norm.samples());
        all.addAll(Neuron.samples());
        all.addAll(Softmax.samples());
        all.addAll(Logreg.samples());
        all.addAll(Sum2.samples());
        all.addAll(Eltsum.samples());
        all.addAll(Eltmax.samples());
        return Collections.unmodifiableList(all);
    }

    /** {@return every sample, family by family} */
    public static List<KernelSample> all() {
        return ALL;
    }

    /**
     * The samples of {@code kinds}, in table order.
     *
     * @param kinds the kinds wanted
     * @return the samples of {@code kinds}, in table order
     */
    public static List<KernelSample> of(KernelSample.Kind... kinds) {
        List<KernelSample.Kind> wanted = List.of(kinds);
        return ALL.stream().filter(s -> wanted.contains(s.kind())).toList();
    }

    /** {@return the first {@link KernelSample.Kind#SEED} sample of each {@code layerType/op}, by key} */
    public static Map<String, KernelSample> seedByKey() {
        Map<String, KernelSample> m = new TreeMap<>();
        for (KernelSample s : of(KernelSample.Kind.SEED)) {
            m.putIfAbsent(s.key(), s);
        }
        return m;
    }
}
