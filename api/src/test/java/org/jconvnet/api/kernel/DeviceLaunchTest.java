package org.jconvnet.api.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.util.List;
import org.jconvnet.api.kernel.DeviceLaunch.Kind;
import org.jconvnet.api.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The launch description: arguments in order with their kinds, the geometry rules, the untyped shorthand. */
class DeviceLaunchTest {
    private static final Tensor T = (Tensor) Proxy.newProxyInstance(Tensor.class.getClassLoader(),
            new Class<?>[] {Tensor.class}, (proxy, method, args) -> method.getName().equals("toString") ? "T" : null);

    @Test
    void theBuilderKeepsParameterOrderKindsAndValues() {
        DeviceLaunch l = DeviceLaunch.builder().tensor("x", T).scratch("part", "p.part", 40).integer("n", 7)
                .real("a", 0.1).local("tile", 32).groups(3, 32);
        assertEquals(List.of("x", "part", "n", "a", "tile"), l.args().stream().map(DeviceLaunch.Arg::param).toList());
        assertEquals(List.of(Kind.TENSOR, Kind.SCRATCH, Kind.INT, Kind.FLOAT, Kind.LOCAL),
                l.args().stream().map(DeviceLaunch.Arg::kind).toList());
        assertSame(T, l.args().get(0).value());
        assertEquals("p.part", l.args().get(1).value());
        assertEquals(40, l.args().get(1).elements());
        assertEquals(0.1f, l.args().get(3).value(), "reals are narrowed to float once, in the builder");
        assertEquals(List.of(96L, 32, 0), List.of(l.items(), l.group(), l.preferredGroup()));
        assertEquals(128, l.localBytes());
    }

    @Test
    void geometries() {
        DeviceLaunch any = DeviceLaunch.builder().integer("n", 1).items(10);
        assertEquals(List.of(10L, 0, 0), List.of(any.items(), any.group(), any.preferredGroup()));
        DeviceLaunch hinted = DeviceLaunch.builder().items(10, 16);
        assertEquals(List.of(10L, 0, 16), List.of(hinted.items(), hinted.group(), hinted.preferredGroup()));
        DeviceLaunch covered = DeviceLaunch.builder().itemsInGroupsOf(10, 4);
        assertEquals(List.of(12L, 4), List.of(covered.items(), covered.group()), "rounded up to whole groups");
        assertEquals(0, DeviceLaunch.builder().itemsInGroupsOf(0, 4).items());
    }

    @Test
    void localMemoryNeedsAFixedGroupSize() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DeviceLaunch.builder().local("tile", 64).items(64));
        assertEquals("local-memory argument 'tile' needs a fixed work-group size: finish the launch with groups(...)"
                + " or itemsInGroupsOf(...)", e.getMessage());
    }

    @Test
    void badGeometriesAndValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new DeviceLaunch(List.of(), 10, 4, 0), "not whole groups");
        assertThrows(IllegalArgumentException.class, () -> new DeviceLaunch(List.of(), 10, -1, 0));
        assertThrows(IllegalArgumentException.class, () -> DeviceLaunch.builder().itemsInGroupsOf(10, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new DeviceLaunch.Arg("n", Kind.INT, 1.5f, 0));
        assertEquals("argument 'n': INT cannot take Float 1.5 with 0 elements", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DeviceLaunch.builder().local("tile", 0));
    }

    @Test
    void positionalArgumentsAreTypedByTheirClass() {
        DeviceLaunch l = DeviceLaunch.positional(5, T, 3, 2.0f, 0.5);
        assertEquals(List.of(Kind.TENSOR, Kind.INT, Kind.FLOAT, Kind.FLOAT), l.args().stream().map(DeviceLaunch.Arg::kind).toList());
        assertEquals(0.5f, l.args().get(3).value());
        assertEquals(List.of(5L, 0), List.of(l.items(), l.group()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeviceLaunch.positional(1, T, "x"));
        assertEquals("argument 1 has unsupported type java.lang.String; expected a Tensor, Integer, Float or Double",
                e.getMessage());
    }
}
