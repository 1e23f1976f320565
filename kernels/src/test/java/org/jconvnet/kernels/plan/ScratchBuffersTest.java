package org.jconvnet.kernels.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.jconvnet.api.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The one scratch policy of the GPU backends: reuse by name, grow on demand, one limit, release all. */
class ScratchBuffersTest {
    private final List<String> events = new ArrayList<>();

    private Tensor tensor(int floats) {
        events.add("allocate " + floats);
        return (Tensor) Proxy.newProxyInstance(Tensor.class.getClassLoader(), new Class<?>[] {Tensor.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "size" -> (long) floats;
                    case "close" -> {
                        events.add("close " + floats);
                        yield null;
                    }
                    default -> null;
                });
    }

    @Test
    void buffersAreReusedByNameGrownOnDemandAndReleasedTogether() {
        ScratchBuffers s = new ScratchBuffers(this::tensor, () -> events.add("wait"));
        Tensor a = s.get("a", 10);
        assertSame(a, s.get("a", 10));
        assertSame(a, s.get("a", 3), "a smaller request reuses the buffer");
        Tensor b = s.get("b", 0);
        Tensor larger = s.get("a", 11);
        assertNotSame(a, larger);
        s.close();
        assertEquals(List.of("allocate 10", "allocate 1", "wait", "close 10", "allocate 11"), events.subList(0, 5),
                "growing waits for earlier launches, then releases the old buffer");
        assertEquals(List.of("close 1", "close 11"), events.subList(5, events.size()).stream().sorted().toList(),
                "close releases every buffer (in map order)");
        assertEquals(1, b.size(), "an empty request still gets a one-float buffer");
    }

    @Test
    void oneLimitForEveryBackend() {
        ScratchBuffers s = new ScratchBuffers(this::tensor, () -> { });
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.get("conv.partials", ScratchBuffers.MAX_ELEMENTS + 1));
        assertEquals("scratch buffer 'conv.partials' of 2147483648 floats exceeds the limit of 2147483647 (2^31 - 1) floats",
                e.getMessage());
        assertEquals(List.of(), events);
    }
}
