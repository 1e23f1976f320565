package org.jconvnet.api.kernel;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jconvnet.api.tensor.Tensor;

/**
 * The default {@link KernelCall#tensors()}: a call record's {@link Tensor} components by name, in
 * declaration order. The record's components are the contract, so reading them keeps the names a
 * backend reports in errors the same as the ones a layer wrote, with nothing to restate per record.
 * The accessors are looked up once per record type.
 */
final class CallTensors {
    private static final ClassValue<List<Method>> ACCESSORS = new ClassValue<>() {
        @Override
        protected List<Method> computeValue(Class<?> type) {
            if (!type.isRecord()) {
                throw new IllegalStateException(type.getName() + " is a KernelCall but not a record: it must implement"
                        + " tensors() itself");
            }
            List<Method> out = new ArrayList<>();
            for (RecordComponent c : type.getRecordComponents()) {
                if (Tensor.class.isAssignableFrom(c.getType())) {
                    Method m = c.getAccessor();
                    m.setAccessible(true); // a plugin's record may be package-private
                    out.add(m);
                }
            }
            return List.copyOf(out);
        }
    };

    private CallTensors() {
    }

    /**
     * The tensors of {@code call}, a record.
     *
     * @throws IllegalArgumentException naming the component when a tensor is null
     */
    static Map<String, Tensor> of(KernelCall call) {
        List<Method> accessors = ACCESSORS.get(call.getClass());
        Object[] nameThenTensor = new Object[accessors.size() * 2];
        for (int k = 0; k < accessors.size(); k++) {
            Method m = accessors.get(k);
            nameThenTensor[2 * k] = m.getName();
            nameThenTensor[2 * k + 1] = read(m, call);
        }
        return KernelCall.named(nameThenTensor);
    }

    private static Object read(Method accessor, KernelCall call) {
        try {
            return accessor.invoke(call);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + accessor + " of a kernel call", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("reading " + accessor + " of a kernel call failed", e.getCause());
        }
    }
}
