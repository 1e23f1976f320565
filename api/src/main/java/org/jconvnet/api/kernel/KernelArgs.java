package org.jconvnet.api.kernel;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jconvnet.api.tensor.Tensor;

/**
 * The named arguments of one kernel launch: tensors, integers and reals. A kernel reads what its
 * contract names and fails with the missing name otherwise, so a layer and a backend that disagree
 * about a contract fail loudly rather than compute with a default.
 */
public final class KernelArgs {
    private final Map<String, Tensor> tensors = new LinkedHashMap<>();
    private final Map<String, Integer> ints = new LinkedHashMap<>();
    private final Map<String, Double> reals = new LinkedHashMap<>();

    /** Starts an empty argument list. */
    public static KernelArgs create() {
        return new KernelArgs();
    }

    /** Adds a tensor argument. */
    public KernelArgs tensor(String name, Tensor value) {
        if (value == null) {
            throw new IllegalArgumentException("kernel tensor argument '" + name + "' is null");
        }
        tensors.put(name, value);
        return this;
    }

    /** Adds an integer argument. */
    public KernelArgs integer(String name, int value) {
        ints.put(name, value);
        return this;
    }

    /** Adds a boolean argument, passed to kernels as the integer 0 or 1. */
    public KernelArgs flag(String name, boolean value) {
        return integer(name, value ? 1 : 0);
    }

    /** Adds a real argument (kernels of float32 backends narrow it to float). */
    public KernelArgs real(String name, double value) {
        reals.put(name, value);
        return this;
    }

    /** The tensor named {@code name}; throws naming it when absent. */
    public Tensor tensor(String name) {
        Tensor t = tensors.get(name);
        if (t == null) {
            throw missing("tensor", name, tensors.keySet());
        }
        return t;
    }

    /** Whether a tensor named {@code name} was given (for optional tensors). */
    public boolean hasTensor(String name) {
        return tensors.containsKey(name);
    }

    /** The integer named {@code name}; throws naming it when absent. */
    public int integer(String name) {
        Integer v = ints.get(name);
        if (v == null) {
            throw missing("integer", name, ints.keySet());
        }
        return v;
    }

    /** The boolean named {@code name} (an integer other than 0 is true). */
    public boolean flag(String name) {
        return integer(name) != 0;
    }

    /** The real named {@code name}; throws naming it when absent. */
    public double real(String name) {
        Double v = reals.get(name);
        if (v == null) {
            throw missing("real", name, reals.keySet());
        }
        return v;
    }

    /** Read-only view of the tensors, in insertion order. */
    public Map<String, Tensor> tensors() {
        return java.util.Collections.unmodifiableMap(tensors);
    }

    /** Read-only view of the integers, in insertion order. */
    public Map<String, Integer> integers() {
        return java.util.Collections.unmodifiableMap(ints);
    }

    /** Read-only view of the reals, in insertion order. */
    public Map<String, Double> reals() {
        return java.util.Collections.unmodifiableMap(reals);
    }

    private static IllegalArgumentException missing(String kind, String name, java.util.Set<String> have) {
        return new IllegalArgumentException("kernel argument missing: " + kind + " '" + name + "' (given: " + have + ")");
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        tensors.forEach((k, v) -> sb.append(k).append('=').append(v.describe()).append(", "));
        ints.forEach((k, v) -> sb.append(k).append('=').append(v).append(", "));
        reals.forEach((k, v) -> sb.append(k).append('=').append(v).append(", "));
        if (sb.length() > 1) {
            sb.setLength(sb.length() - 2);
        }
        return sb.append('}').toString();
    }
}
