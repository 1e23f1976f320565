package org.jconvnet.api.kernel.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jconvnet.api.kernel.KernelCall;
import org.jconvnet.api.kernel.KernelKey;
import org.jconvnet.api.kernel.KernelOp;
import org.jconvnet.api.kernel.Ops;
import org.jconvnet.api.tensor.DType;
import org.jconvnet.api.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The op table ({@link KernelOps}) against its constants, the sample table and the call records:
 * every op has samples, every sample's call is a call of the op it is filed under, and the
 * tensors a record reports are its own components.
 */
class KernelOpsTest {

    /** A shape-only tensor: the table and the records read shapes, never contents. */
    static Tensor tensor(long rows, long cols) {
        return (Tensor) Proxy.newProxyInstance(Tensor.class.getClassLoader(), new Class<?>[] {Tensor.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "rows" -> (int) rows;
                    case "cols" -> (int) cols;
                    case "dtype" -> DType.FLOAT32;
                    case "backendId" -> "shape-only";
                    case "toString" -> "tensor " + rows + " x " + cols;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static KernelSample.Calls build(KernelSample s) {
        return s.build().apply((name, rows, cols, fill) -> tensor(rows, cols));
    }

    @Test
    void everyConstantIsInTheTableOnceInDeclarationOrder() throws IllegalAccessException {
        List<KernelOp<?>> constants = new ArrayList<>();
        for (Field f : KernelOps.class.getDeclaredFields()) {
            if (Modifier.isPublic(f.getModifiers()) && f.getType() == KernelOp.class) {
                constants.add((KernelOp<?>) f.get(null));
            }
        }
        assertEquals(constants, KernelOps.all());
        Set<String> names = KernelOps.all().stream().map(KernelOp::name).collect(Collectors.toSet());
        assertEquals(KernelOps.all().size(), names.size(), "two ops with one key");
    }

    @Test
    void everyOpHasSamplesForTheTestsAndEverySampleIsOfAnOpOfTheTable() {
        Set<KernelOp<?>> sampled = KernelSamples.of(KernelSample.Kind.EDGE, KernelSample.Kind.SEED).stream()
                .map(KernelSample::kernelOp).collect(Collectors.toCollection(LinkedHashSet::new));
        List<String> unsampled = KernelOps.all().stream().filter(o -> !sampled.contains(o)).map(KernelOp::name).toList();
        assertEquals(List.of(), unsampled, "ops without an EDGE or SEED sample");
        List<String> foreign = KernelSamples.all().stream().filter(s -> !KernelOps.all().contains(s.kernelOp()))
                .map(KernelSample::toString).toList();
        assertEquals(List.of(), foreign, "samples of ops outside the table");
    }

    @Test
    void everySampleCallIsACallOfItsOpAndReportsItsOwnTensorComponents() {
        for (KernelSample s : KernelSamples.all()) {
            KernelCall call = build(s).call();
            assertEquals(s.kernelOp(), call.kernelOp(), s.toString());
            assertTrue(s.kernelOp().callType().isInstance(call), s.toString());
            assertEquals(s.layerType(), call.layerType(), s.toString());
            assertEquals(s.op(), call.op(), s.toString());
            Set<String> components = new TreeSet<>();
            for (RecordComponent c : call.getClass().getRecordComponents()) {
                if (c.getType() == Tensor.class) {
                    components.add(c.getName());
                }
            }
            components.remove("meanDiffs"); // passed for cnorm only
            Set<String> reported = new TreeSet<>(call.tensors().keySet());
            reported.remove("meanDiffs");
            assertEquals(components, reported, s.toString());
        }
    }

    @Test
    void tensorsAreTheRecordsTensorComponentsInOrderAndANullOneIsNamed() {
        Tensor a = tensor(2, 3);
        Tensor b = tensor(2, 3);
        Eltsum.BackwardInput call = new Eltsum.BackwardInput(3, 0.5, false, a, b);
        assertEquals(List.of("outputGrad", "inputGrad"), List.copyOf(call.tensors().keySet()));
        assertTrue(call.tensors().get("outputGrad") == a && call.tensors().get("inputGrad") == b);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Eltsum.BackwardInput(3, 0.5, false, a, null).tensors());
        assertTrue(e.getMessage().contains("'inputGrad'"), e.getMessage());
    }

    @Test
    void meanDiffsIsPassedForCnormAndOnlyForIt() {
        Tensor t = tensor(18, 2);
        Norm.Shape cnorm = new Norm.Shape(Norm.Kind.CNORM, 2, 3, 3, false, 0.1, 0.75, 1);
        Norm.Shape rnorm = new Norm.Shape(Norm.Kind.RNORM, 2, 3, 3, false, 0.1, 0.75, 2);
        assertEquals(List.of("input", "output", "denoms", "meanDiffs"),
                List.copyOf(new Norm.Forward(cnorm, 2, t, t, t, t).tensors().keySet()));
        assertEquals(List.of("input", "output", "denoms"), List.copyOf(new Norm.Forward(rnorm, 2, t, t, t, null).tensors().keySet()));
        assertThrows(IllegalArgumentException.class, () -> new Norm.Forward(cnorm, 2, t, t, t, null).tensors());
        assertThrows(IllegalArgumentException.class, () -> new Norm.Forward(rnorm, 2, t, t, t, t).tensors());
    }

    @Test
    void oneRecordServesSeveralOpsByItsFields() {
        Tensor t = tensor(4, 2);
        assertEquals(KernelOps.LOCAL_FORWARD, new Filter.Forward(new Filter.Shape(true, 1, 2, 1, 1, 0, 1, 2, 1), 2,
                false, t, t, t).kernelOp());
        assertEquals(KernelOps.CONV_FORWARD, new Filter.Forward(new Filter.Shape(false, 1, 2, 1, 1, 0, 1, 2, 1), 2,
                false, t, t, t).kernelOp());
        assertEquals(KernelOps.LOGREG_BACKWARD_SOFTMAX, new Logreg.Backward(2, 4, 1, false, true, t, t, t).kernelOp());
        assertEquals(KernelOps.LOGREG_BACKWARD_INPUT, new Logreg.Backward(2, 4, 1, false, false, t, t, t).kernelOp());
        for (Norm.Kind k : Norm.Kind.values()) {
            assertEquals(k.layerType(), k.forward().layerType());
            assertEquals(Ops.BACKWARD_INPUT, k.backwardInput().op());
        }
    }

    @Test
    void castRefusesACallOfAnotherOpNamingBoth() {
        Tensor t = tensor(4, 2);
        KernelCall neuron = new Neuron.Forward(new Neuron.Function(0, 0, 0), 2, t, t);
        KernelKey key = KernelOps.POOL_FORWARD.key(DType.FLOAT32);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> KernelOps.POOL_FORWARD.cast(key, neuron));
        assertTrue(e.getMessage().contains("pool/forward/float32") && e.getMessage().contains("Pool$Forward")
                && e.getMessage().contains("neuron/forward"), e.getMessage());
        assertTrue(KernelOps.NEURON_FORWARD.cast(KernelOps.NEURON_FORWARD.key(DType.FLOAT64), neuron) == neuron);
    }

    @Test
    void missingNamesTheKeysABackendLacks() {
        Set<KernelKey> declared = new TreeSet<>();
        KernelOps.all().forEach(o -> declared.add(o.key(DType.FLOAT32)));
        assertEquals(List.of(), KernelOps.missing(declared, DType.FLOAT32));
        declared.remove(KernelOps.CNORM_BACKWARD_INPUT.key(DType.FLOAT32));
        assertEquals(List.of(KernelOps.CNORM_BACKWARD_INPUT.key(DType.FLOAT32)), KernelOps.missing(declared, DType.FLOAT32));
        assertEquals(KernelOps.all().size() + 1, KernelOps.missing(declared, DType.FLOAT32, DType.FLOAT64).size());
        assertEquals(KernelOps.SOFTMAX_FORWARD, KernelOps.find("softmax", Ops.FORWARD).orElseThrow());
        assertTrue(KernelOps.find("softmax", Ops.BACKWARD_WEIGHTS).isEmpty());
    }
}
