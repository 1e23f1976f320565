package org.jconvnet.backend.cpu.kernels;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import org.jconvnet.api.kernel.KernelCall;
import org.jconvnet.api.kernel.KernelKey;
import org.jconvnet.api.kernel.KernelOp;
import org.jconvnet.api.kernel.Ops;
import org.jconvnet.api.kernel.contract.Filter;
import org.jconvnet.api.kernel.contract.KernelOps;
import org.jconvnet.api.kernel.contract.Norm;
import org.jconvnet.api.tensor.Tensor;

/**
 * Test helper: the built-in calls in a named form, a call record built from arguments named by its
 * components (nested {@code Shape} and {@code Function} records flattened), for the hand-written
 * formula tests of this package, which set up a launch argument by argument ({@link Launch}).
 * Production code never uses it: layers call the record constructors, which the compiler checks.
 *
 * <p>The names are the record components' own, read by reflection, so this form cannot drift from
 * the records. Components the key already says are not named: {@code Filter.Shape.local} (conv or
 * local), {@code Norm.Shape.kind} and {@code Logreg.Backward.throughSoftmax} (the op). Booleans
 * are given as integers 0 or 1, as the GPU kernels take them; {@code meanDiffs} may be left out
 * where the contract allows it.
 */
final class NamedCalls {
    private NamedCalls() {
    }

    /** The record type of built-in {@code layerType/op}, or null when it is not one. */
    static Class<? extends KernelCall> type(String layerType, String op) {
        return KernelOps.find(layerType, op).<Class<? extends KernelCall>>map(KernelOp::callType).orElse(null);
    }

    /**
     * The call of built-in {@code layerType/op} from named tensors, integers and reals.
     *
     * @throws IllegalArgumentException naming the key and the argument when one is missing, or when
     *                                  the key is not a built-in one
     */
    static KernelCall of(String layerType, String op, Map<String, Tensor> tensors, Map<String, Integer> ints,
                                Map<String, Double> reals) {
        Class<? extends KernelCall> type = type(layerType, op);
        if (type == null) {
            throw new IllegalArgumentException("no built-in contract " + layerType + "/" + op);
        }
        KernelCall call = (KernelCall) build(type, new Named(layerType, op, tensors, ints, reals));
        KernelCall.as(type, KernelKey.of(layerType, op, org.jconvnet.api.tensor.DType.FLOAT32), call);
        return call;
    }

    private record Named(String layerType, String op, Map<String, Tensor> tensors, Map<String, Integer> ints,
                         Map<String, Double> reals) {
        IllegalArgumentException missing(String kind, String name) {
            return new IllegalArgumentException(layerType + "/" + op + ": " + kind + " argument '" + name
                    + "' is missing (given: tensors " + tensors.keySet() + ", integers " + ints.keySet() + ", reals "
                    + reals.keySet() + ")");
        }
    }

    private static Object build(Class<?> record, Named a) {
        RecordComponent[] parts = record.getRecordComponents();
        Object[] values = new Object[parts.length];
        Class<?>[] types = new Class<?>[parts.length];
        for (int k = 0; k < parts.length; k++) {
            types[k] = parts[k].getType();
            values[k] = value(parts[k], a);
        }
        try {
            Constructor<?> c = record.getDeclaredConstructor(types);
            return c.newInstance(values);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + record.getName(), e);
        }
    }

    private static Object value(RecordComponent part, Named a) {
        String name = part.getName();
        Class<?> type = part.getType();
        if (type == Tensor.class) {
            Tensor t = a.tensors().get(name);
            if (t == null && !name.equals("meanDiffs")) {
                throw a.missing("tensor", name);
            }
            return t;
        }
        if (type.isRecord()) {
            return build(type, a);
        }
        if (type == Norm.Kind.class) {
            return Norm.Kind.valueOf(a.layerType().toUpperCase(java.util.Locale.ROOT));
        }
        if (type == boolean.class && name.equals("local") && part.getDeclaringRecord() == Filter.Shape.class) {
            return a.layerType().equals(Filter.LOCAL);
        }
        if (type == boolean.class && name.equals("throughSoftmax")) {
            return a.op().equals(Ops.BACKWARD_SOFTMAX);
        }
        if (type == boolean.class && name.equals("blocked")) {
            return a.ints().getOrDefault(name, 0) != 0;
        }
        if (type == int.class || type == boolean.class) {
            Integer v = a.ints().get(name);
            if (v == null) {
                throw a.missing("integer", name);
            }
            return type == int.class ? (Object) v : (Object) (v != 0);
        }
        if (type == double.class) {
            Double v = a.reals().get(name);
            if (v == null) {
                throw a.missing("real", name);
            }
            return v;
        }
        throw new IllegalStateException("no named form for " + part);
    }
}
