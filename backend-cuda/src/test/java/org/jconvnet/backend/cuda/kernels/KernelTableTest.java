package org.jconvnet.backend.cuda.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jconvnet.api.kernel.DeviceLaunch;
import org.jconvnet.api.kernel.KernelCall;
import org.jconvnet.api.kernel.contract.Fc;
import org.jconvnet.api.kernel.contract.Filter;
import org.jconvnet.api.kernel.contract.KernelOps;
import org.jconvnet.api.kernel.KernelKey;
import org.jconvnet.api.kernel.KernelOp;
import org.jconvnet.api.kernel.KernelRegistry;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.backend.cuda.KernelImages;
import org.jconvnet.backend.cuda.KernelSources;
import org.jconvnet.kernels.plan.ConvPlans;
import org.jconvnet.kernels.plan.KernelPlan;
import org.jconvnet.kernels.plan.KernelPlans;
import org.jconvnet.kernels.plan.Launch;
import org.jconvnet.kernels.plan.PlanOptions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The kernel table against the contracts, the shipped PTX and the kernel sources, without a GPU:
 * every contract key has a plan; every launch names an entry point of the PTX of its source; the
 * argument kinds match the PTX parameter types; the argument labels match the {@code .kc}
 * parameter names in order (so two int arguments cannot be swapped unnoticed); every PTX entry is
 * used; the register-block sizes the work-item counts assume are the ones in the sources.
 */
class KernelTableTest {
    /** The options the CUDA backend runs with by default. */
    private static final PlanOptions GPU = PlanOptions.gpu();
    /** Every op of the built-in table ({@link KernelOps}), as {@code layerType/op} (float32). */
    static final List<String> CONTRACT_KEYS = KernelOps.all().stream().map(KernelOp::name).toList();

    private final KernelImages images = KernelImages.load(getClass().getClassLoader());

    private static Set<String> names(Set<KernelKey> keys) {
        return keys.stream().map(k -> k.layerType() + "/" + k.op() + (k.dtype() == DType.FLOAT32 ? "" : "/" + k.dtype()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyContractKeyIsProvidedAndRegistered() {
        assertEquals(new TreeSet<>(CONTRACT_KEYS), names(new CudaKernelProvider().kernels().keySet()));
        Set<KernelKey> declared = KernelRegistry.declaredKeys(getClass().getClassLoader()).get("cuda");
        assertNotNull(declared, "CudaKernelProvider is not registered in META-INF/services");
        assertEquals(new TreeSet<>(CONTRACT_KEYS), names(declared));
    }

    /** Every key's plan for its sample, plus both kernel families of conv and local (weight gradients split and not). */
    private Map<String, List<Launch>> allPlans() {
        Map<String, List<Launch>> out = new HashMap<>();
        KernelPlans.all().forEach((key, plan) -> out.put(key.toString(), plan.plan(SampleArgs.of(key), GPU)));
        for (String layer : List.of("conv", "local")) {
            KernelKey key = KernelKey.of(layer, "backward-weights", DType.FLOAT32);
            KernelKey fw = KernelKey.of(layer, "forward", DType.FLOAT32);
            KernelKey bi = KernelKey.of(layer, "backward-input", DType.FLOAT32);
            for (PlanOptions.ConvKernels k : PlanOptions.ConvKernels.values()) {
                out.put(fw + " " + k, ConvPlans.convForward((Filter.Forward) SampleArgs.of(fw), k));
                out.put(bi + " " + k, ConvPlans.convBackwardInput((Filter.BackwardInput) SampleArgs.of(bi), k));
                for (long target : new long[] {0, 1L << 17}) {
                    out.put(key + " " + k + " split to " + target, ConvPlans.convBackwardWeights(
                            (Filter.BackwardWeights) SampleArgs.of(key), k, target));
                }
            }
        }
        return out;
    }

    @Test
    void launchesMatchThePtxEntriesAndParameterTypes() {
        Map<String, List<String>> ptxSignatures = new HashMap<>();
        for (String m : images.modules()) {
            ptxSignatures.putAll(KernelImages.signatures(images.ptx(m)));
        }
        allPlans().forEach((key, launches) -> {
            assertFalse(launches.isEmpty(), key + " plans no launch");
            for (Launch l : launches) {
                String where = key + " -> " + l.entry();
                assertEquals(l.source().replaceAll("\\.kc$", ""), images.moduleOf(l.entry()), where + ": module");
                List<String> types = ptxSignatures.get(l.entry());
                List<String> ours = l.args().stream().map(a -> ptxType(a.kind())).toList();
                assertEquals(types, ours, where + ": PTX parameter types vs planned arguments " + l.args());
                assertTrue(l.items() > 0, where + ": no work-items for the sample");
            }
        });
    }

    @Test
    void everyPtxEntryIsUsedByAPlan() {
        Set<String> used = new TreeSet<>();
        allPlans().values().forEach(ls -> ls.forEach(l -> used.add(l.entry())));
        Set<String> shipped = new TreeSet<>(images.moduleByEntry().keySet());
        shipped.removeAll(used);
        assertTrue(shipped.isEmpty(), "entry points in the PTX that no CUDA plan launches: " + shipped);
    }

    @Test
    void argumentLabelsAreTheKernelSourceParameterNames() {
        Path dir = KernelSources.dir().orElse(null);
        Assumptions.assumeTrue(dir != null, "kernel sources not found");
        Map<String, List<KernelSources.Param>> sig = KernelSources.signatures(dir);
        allPlans().forEach((key, launches) -> {
            for (Launch l : launches) {
                List<KernelSources.Param> params = sig.get(l.entry());
                assertNotNull(params, key + ": " + l.entry() + " is not a KERNEL of the sources");
                List<String> expected = new ArrayList<>();
                params.forEach(p -> expected.add(p.name() + ":" + p.kind()));
                List<String> ours = new ArrayList<>();
                l.args().forEach(a -> ours.add(a.param() + ":" + sourceKind(a.kind())));
                assertEquals(expected, ours, key + " -> " + l.entry());
            }
        });
    }

    @Test
    void registerBlockSizesAreTheSources() {
        Path dir = KernelSources.dir().orElse(null);
        Assumptions.assumeTrue(dir != null, "kernel sources not found");
        assertEquals(KernelSources.define(dir, "conv.kc", "CONV_FB"), KernelPlans.CONV_FB);
        assertEquals(KernelSources.define(dir, "conv.kc", "CONV_CB"), KernelPlans.CONV_CB);
        assertEquals(KernelSources.define(dir, "conv.kc", "CONV_KB"), KernelPlans.CONV_KB);
        assertEquals(KernelSources.define(dir, "conv.kc", "CONV_WK"), KernelPlans.CONV_WK);
        assertEquals(KernelSources.define(dir, "conv.kc", "CONV_WF"), KernelPlans.CONV_WF);
        assertEquals(KernelSources.define(dir, "conv.kc", "CONV_TW_ITEMS"), KernelPlans.CONV_TW_ITEMS);
        assertEquals(KernelSources.define(dir, "conv.kc", "CONV_TW_R"), KernelPlans.CONV_TW_R);
        assertEquals(KernelSources.define(dir, "conv.kc", "CONV_TW_F"), KernelPlans.CONV_TW_F);
        assertEquals(KernelSources.define(dir, "conv.kc", "CONV_TA_ITEMS"), KernelPlans.CONV_TA_ITEMS);
        assertEquals(KernelSources.define(dir, "conv.kc", "CONV_TA_M"), KernelPlans.CONV_TA_M);
        assertEquals(KernelSources.define(dir, "conv.kc", "CONV_TA_N"), KernelPlans.CONV_TA_N);
        assertEquals(KernelSources.define(dir, "prelude.h", "CASE_CHUNK"), KernelPlans.CASE_CHUNK);
        assertEquals(KernelSources.define(dir, "fc.kc", "FC_RB"), KernelPlans.FC_RB);
        assertEquals(KernelSources.define(dir, "fc.kc", "FC_CB"), KernelPlans.FC_CB);
    }

    @Test
    void workItemCountsFollowTheLaunchComments() {
        KernelKey conv = KernelKey.of("conv", "forward", DType.FLOAT32);
        // blocked: groups * ceil(F/8) * M*M * ceil(N/8) = 1 * 1 * 64 * 1
        assertEquals(64, ConvPlans.convForward((Filter.Forward) SampleArgs.of(conv), PlanOptions.ConvKernels.BLOCKED).get(0).items());
        // tiled: 64 * groups * M*M * ceil(F/32) * ceil(N/32) = 64 * 1 * 64 * 1 * 1, in groups of exactly 64
        Launch tiledForward = KernelPlans.all().get(conv).plan(SampleArgs.of(conv), GPU).get(0);
        assertEquals(List.of(4096L, 64L), List.of(tiledForward.items(), (long) tiledForward.group()));
        KernelKey bi = KernelKey.of("conv", "backward-input", DType.FLOAT32);
        // tiled: 64 * groups * S*S * ceil(C/32) * ceil(N/32) = 64 * 1 * 64 * 1 * 1
        assertEquals(4096, KernelPlans.all().get(bi).plan(SampleArgs.of(bi), GPU).get(0).items());
        KernelKey lw = KernelKey.of("local", "backward-weights", DType.FLOAT32);
        // blocked: M*M * ceil(C/4) * fs*fs * groups * ceil(F/2) = 64 * 1 * 25 * 1 * 4
        assertEquals(6400, ConvPlans.convBackwardWeights((Filter.BackwardWeights) SampleArgs.of(lw), PlanOptions.ConvKernels.BLOCKED, 0)
                .get(0).items());
        // tiled: whole groups of 64 = 64 * M*M * groups * ceil(C*fs*fs/32) * ceil(F/32) = 64 * 64 * 1 * 3 * 1
        Launch tiled = ConvPlans.convBackwardWeights((Filter.BackwardWeights) SampleArgs.of(lw), PlanOptions.ConvKernels.TILED, 0).get(0);
        assertEquals(12288, tiled.items());
        assertEquals(64, tiled.group());
        KernelKey cw = KernelKey.of("conv", "backward-weights", DType.FLOAT32);
        // conv, tiled, split to 2^17 items: 3 groups of 64 per part -> 683 parts wanted, capped at M*M = 64 parts,
        // then conv_sum_parts over the C*fs*fs*F = 600 weights
        List<Launch> split = ConvPlans.convBackwardWeights((Filter.BackwardWeights) SampleArgs.of(cw), PlanOptions.ConvKernels.TILED,
                1L << 17);
        assertEquals(List.of(64L * 3 * 64, 600L), split.stream().map(Launch::items).toList());
        assertEquals("conv_sum_parts", split.get(1).entry());
        KernelKey fc = KernelKey.of("fc", "backward-weights", DType.FLOAT32);
        // ceil(Din/4) * ceil(Dout/4) = 64 * 3, summing over N = 8 cases: not split
        assertEquals(List.of(192L), KernelPlans.all().get(fc).plan(SampleArgs.of(fc), GPU).stream().map(Launch::items).toList());
        KernelKey fcf = KernelKey.of("fc", "forward", DType.FLOAT32);
        // ceil(Dout/4) * ceil(N/4) = 3 * 2 blocks summing over 256 inputs: 4 parts of 64, then Dout * N sums
        assertEquals(List.of(4L * 6, 80L), KernelPlans.all().get(fcf).plan(SampleArgs.of(fcf), GPU).stream().map(Launch::items).toList());
        KernelKey bias = KernelKey.of("bias", "backward-weights", DType.FLOAT32);
        List<Launch> two = KernelPlans.all().get(bias).plan(SampleArgs.of(bias), GPU);
        assertEquals(List.of(2048L, 32L), two.stream().map(Launch::items).toList());
        KernelKey pool = KernelKey.of("pool", "backward-input", DType.FLOAT32);
        // channels * S * ceil(N/CASE_CHUNK) = 32 * 32 * 1 (one work-item per image row)
        assertEquals(1024, KernelPlans.all().get(pool).plan(SampleArgs.of(pool), GPU).get(0).items());
        KernelKey cnorm = KernelKey.of("cnorm", "backward-input", DType.FLOAT32);
        assertEquals(List.of(2048L, 2048L), KernelPlans.all().get(cnorm).plan(SampleArgs.of(cnorm), GPU).stream()
                .map(Launch::items).toList());
    }

    @Test
    void badArgumentsAreNamed() {
        KernelKey key = KernelKey.of("fc", "forward", DType.FLOAT32);
        KernelPlan plan = KernelPlans.all().get(key);
        KernelCall other = SampleArgs.of(KernelKey.of("fc", "backward-input", DType.FLOAT32));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> plan.plan(other, GPU));
        assertTrue(e.getMessage().contains("fc/forward") && e.getMessage().contains("fc/backward-input"), e.getMessage());
        Fc.Forward sample = (Fc.Forward) SampleArgs.of(key);
        Fc.Forward small = new Fc.Forward(sample.shape(), sample.numCases(), false, sample.input(),
                FakeTensor.f32(256, 9), sample.output());
        e = assertThrows(IllegalArgumentException.class, () -> plan.plan(small, GPU));
        assertTrue(e.getMessage().startsWith("fc/forward: tensor 'weights' is 256x9 float32 but the contract needs 2560"),
                e.getMessage());
        Fc.Forward f64 = new Fc.Forward(sample.shape(), sample.numCases(), false, new FakeTensor(256, 8, DType.FLOAT64),
                sample.weights(), sample.output());
        e = assertThrows(IllegalArgumentException.class, () -> plan.plan(f64, GPU));
        assertTrue(e.getMessage().contains("float32 only"), e.getMessage());
    }

    private static String ptxType(DeviceLaunch.Kind k) {
        switch (k) {
            case TENSOR:
            case SCRATCH:
                return "u64";
            case INT:
                return "u32";
            default:
                return "f32";
        }
    }

    private static String sourceKind(DeviceLaunch.Kind k) {
        switch (k) {
            case TENSOR:
            case SCRATCH:
                return "pointer";
            case INT:
                return "int";
            default:
                return "float";
        }
    }
}
