package org.jconvnet.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jconvnet.api.kernel.KernelKey;
import org.jconvnet.api.kernel.KernelRegistry;
import org.jconvnet.api.kernel.contract.KernelOps;
import org.jconvnet.api.tensor.DType;
import org.junit.jupiter.api.Test;

/**
 * Every op of the built-in table ({@link KernelOps}) has a kernel in every in-tree backend, for each
 * dtype the backend runs, and no in-tree backend declares a key outside the table: adding an op to
 * the table without its implementations fails here, naming the backend and the keys. Only the
 * providers' declarations are read (no backend is started), so this runs without OpenCL or CUDA.
 */
class OpTableCoverageTest {
    /** The in-tree backends, with the dtypes each runs. */
    private static final Map<String, DType[]> IN_TREE = inTree();

    private static Map<String, DType[]> inTree() {
        Map<String, DType[]> m = new LinkedHashMap<>();
        m.put("cpu", new DType[] {DType.FLOAT32, DType.FLOAT64});
        m.put("cpu-blas", new DType[] {DType.FLOAT32});
        m.put("opencl", new DType[] {DType.FLOAT32});
        m.put("cuda", new DType[] {DType.FLOAT32});
        return m;
    }

    @Test
    void everyInTreeBackendImplementsEveryOpOfTheTableAndNothingElse() {
        Map<String, Set<KernelKey>> declared = KernelRegistry.declaredKeys(getClass().getClassLoader());
        Set<KernelKey> table = new TreeSet<>();
        KernelOps.all().forEach(o -> {
            for (DType d : DType.values()) {
                table.add(o.key(d));
            }
        });
        IN_TREE.forEach((backend, dtypes) -> {
            Set<KernelKey> keys = declared.get(backend);
            assertNotNull(keys, "backend '" + backend + "' declares no kernels (is its provider registered?)");
            assertEquals(List.of(), KernelOps.missing(keys, dtypes), "ops of the table without a kernel on '" + backend + "'");
            Set<KernelKey> extra = new TreeSet<>(keys);
            extra.removeAll(table);
            assertEquals(Set.of(), extra, "keys of '" + backend + "' outside the table");
        });
    }
}
