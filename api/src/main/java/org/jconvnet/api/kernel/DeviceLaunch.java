package org.jconvnet.api.kernel;

import java.util.ArrayList;
import java.util.List;
import org.jconvnet.api.tensor.Tensor;

/**
 * One launch of a GPU kernel written in jconvnet's portable dialect: its positional arguments and
 * a one-dimensional geometry. The built-in kernels' launch plans and plugin kernels loaded through
 * {@link DeviceCode} describe their launches with this one type, and each GPU backend runs it with
 * one piece of code, so a plugin kernel gets everything a built-in one gets: exact work-group
 * sizes, local memory, backend-owned scratch buffers and a work-group hint for CPU devices.
 *
 * <p>Build one with {@link #builder()}: arguments in the kernel's parameter order, then one of the
 * geometry methods, for example
 * <pre>{@code
 * DeviceLaunch.builder().tensor("x", x).tensor("sums", sums).local("tile", 64).integer("n", n)
 *         .itemsInGroupsOf(n, 64)
 * }</pre>
 *
 * <p>Kernels bounds-check their work-item index, so a backend may launch more work-items than
 * {@link #items()} (it rounds up to whole work-groups); when {@link #group()} is set, it launches
 * exactly {@code items / group} work-groups of exactly {@code group} work-items.
 *
 * @param args           arguments in the kernel's parameter order
 * @param items          work-items to launch; zero or fewer means nothing to do
 * @param group          the work-group (CUDA block) size the kernel requires, or 0 when any size
 *                       works and the backend picks one; required when an argument is local memory
 * @param preferredGroup a work-group size that runs the kernel best on CPU OpenCL devices (PoCL),
 *                       or 0; a hint that GPU devices ignore
 */
public record DeviceLaunch(List<Arg> args, long items, int group, int preferredGroup) {

    /**
     * Copies the argument list and checks the geometry.
     *
     * @param args arguments in the kernel's parameter order
     * @param items work-items to launch; zero or fewer means nothing to do
     * @param group the work-group (CUDA block) size the kernel requires, or 0 when any size works
     *     and the backend picks one; required when an argument is local memory
     * @param preferredGroup a work-group size that runs the kernel best on CPU OpenCL devices
     *     (PoCL), or 0; a hint that GPU devices ignore
     */
    public DeviceLaunch {
        args = List.copyOf(args);
        if (group < 0 || preferredGroup < 0) {
            throw new IllegalArgumentException("work-group sizes must be 0 (any) or positive, got group " + group
                    + ", preferred group " + preferredGroup);
        }
        if (group > 0 && items % group != 0) {
            throw new IllegalArgumentException(items + " work-items are not whole work-groups of " + group);
        }
        for (Arg a : args) {
            if (a.kind() == Kind.LOCAL && group == 0) {
                throw new IllegalArgumentException("local-memory argument '" + a.param()
                        + "' needs a fixed work-group size: finish the launch with groups(...) or itemsInGroupsOf(...)");
            }
        }
    }

    /** What an argument is. */
    public enum Kind {
        /** A tensor of the launching backend (a device pointer). */
        TENSOR,
        /** A backend-owned scratch buffer of at least {@link Arg#elements()} floats (a device pointer). */
        SCRATCH,
        /** A 32-bit int. */
        INT,
        /** A 32-bit float. */
        FLOAT,
        /**
         * Local memory of {@link Arg#elements()} floats per work-group: in the portable dialect the
         * parameter is declared {@code LOCAL_FLOATS(name)} and bound with {@code BIND_LOCAL_FLOATS(name);}.
         */
        LOCAL
    }

    /**
     * One positional argument.
     *
     * @param param    the parameter name in the kernel source (for messages; the built-in plans' tests
     *                 check it against the sources)
     * @param kind     what it is
     * @param value    a {@link Tensor} ({@link Kind#TENSOR}), the scratch buffer's name ({@link Kind#SCRATCH}),
     *                 an {@link Integer} ({@link Kind#INT}), a {@link Float} ({@link Kind#FLOAT}), or
     *                 {@code null} ({@link Kind#LOCAL})
     * @param elements floats of a {@link Kind#SCRATCH} buffer or of {@link Kind#LOCAL} memory; otherwise 0
     */
    public record Arg(String param, Kind kind, Object value, long elements) {
        /**
         * Checks that the value fits the kind.
         *
         * @param param the parameter name in the kernel source
         * @param kind what it is
         * @param value the value, of the type {@code kind} calls for
         * @param elements floats of a {@link Kind#SCRATCH} buffer or of {@link Kind#LOCAL} memory;
         *     otherwise 0
         */
        public Arg {
            boolean fits = switch (kind) {
                case TENSOR -> value instanceof Tensor;
                case SCRATCH -> value instanceof String && elements >= 0;
                case INT -> value instanceof Integer;
                case FLOAT -> value instanceof Float;
                case LOCAL -> value == null && elements > 0;
            };
            if (!fits) {
                throw new IllegalArgumentException("argument '" + param + "': " + kind + " cannot take "
                        + (value == null ? "null" : value.getClass().getSimpleName() + " " + value)
                        + " with " + elements + " elements");
            }
        }
    }

    /**
     * Bytes of local memory one work-group of this launch needs (its {@link Kind#LOCAL} arguments).
     *
     * @return bytes of local memory one work-group of this launch needs
     */
    public long localBytes() {
        return args.stream().filter(a -> a.kind() == Kind.LOCAL).mapToLong(a -> a.elements() * Float.BYTES).sum();
    }

    /**
     * Starts a launch description.
     *
     * @return an empty builder; add the arguments in parameter order, then set the geometry
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Turns the untyped arguments of {@link DeviceCode.DeviceFunction#launch(int, Object...)} into
     * a launch of {@code items} work-items in work-groups of the backend's choice: {@link Tensor}s,
     * {@link Integer}s, and {@link Float}s or {@link Double}s (narrowed to float).
     *
     * @param items work-items to launch; zero or fewer means nothing to do
     * @param values the arguments, in the kernel's parameter order
     * @return the launch description
     * @throws IllegalArgumentException naming the position of an argument of another type
     */
    public static DeviceLaunch positional(long items, Object... values) {
        Builder b = builder();
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            String param = "argument " + i;
            if (v instanceof Tensor) {
                b.tensor(param, (Tensor) v);
            } else if (v instanceof Integer) {
                b.integer(param, (Integer) v);
            } else if (v instanceof Float || v instanceof Double) {
                b.real(param, ((Number) v).doubleValue());
            } else {
                throw new IllegalArgumentException(param + " has unsupported type "
                        + (v == null ? "null" : v.getClass().getName()) + "; expected a Tensor, Integer, Float or Double");
            }
        }
        return b.items(items);
    }

    /**
     * Collects arguments in parameter order and finishes with a geometry. Shared by
     * {@link DeviceLaunch#builder()} and the built-in launch plans, whose launches also name their
     * kernel source.
     *
     * @param <B> the concrete builder (returned by the argument methods)
     * @param <R> what the geometry methods return
     */
    public abstract static class Arguments<B extends Arguments<B, R>, R> {
        private final List<Arg> args = new ArrayList<>();

        /** For subclasses. */
        protected Arguments() {
        }

        /**
         * Wraps the finished description into what the geometry methods return.
         *
         * @param launch the finished launch description
         * @return what the geometry methods return
         */
        protected abstract R finish(DeviceLaunch launch);

        @SuppressWarnings("unchecked") // B is the class of this object by the type's contract
        private B add(Arg a) {
            args.add(a);
            return (B) this;
        }

        /**
         * A tensor parameter.
         *
         * @param param the parameter name in the kernel source
         * @param t the tensor, of the launching backend
         * @return this builder
         */
        public B tensor(String param, Tensor t) {
            return add(new Arg(param, Kind.TENSOR, t, 0));
        }

        /**
         * A scratch-buffer parameter: the backend keeps a float32 buffer named {@code name} of at
         * least {@code elements} floats (contents undefined) and passes it; launches run in order,
         * so one launch may leave results there for the next. Plugins should prefix the name with
         * their program's.
         *
         * @param param the parameter name in the kernel source
         * @param name the buffer's name, shared by the launches that use it
         * @param elements the least number of floats the buffer holds
         * @return this builder
         */
        public B scratch(String param, String name, long elements) {
            return add(new Arg(param, Kind.SCRATCH, name, elements));
        }

        /**
         * An int parameter.
         *
         * @param param the parameter name in the kernel source
         * @param value the value, passed as a 32-bit int
         * @return this builder
         */
        public B integer(String param, int value) {
            return add(new Arg(param, Kind.INT, value, 0));
        }

        /**
         * A float parameter, narrowed from a double once, here.
         *
         * @param param the parameter name in the kernel source
         * @param value the value, passed as a 32-bit float
         * @return this builder
         */
        public B real(String param, double value) {
            return add(new Arg(param, Kind.FLOAT, (float) value, 0));
        }

        /**
         * A local-memory parameter of {@code floats} floats per work-group (OpenCL {@code __local},
         * CUDA dynamic shared memory). The launch must have a fixed work-group size.
         *
         * @param param the parameter name in the kernel source
         * @param floats floats of local memory per work-group
         * @return this builder
         */
        public B local(String param, int floats) {
            return add(new Arg(param, Kind.LOCAL, null, floats));
        }

        /**
         * Finishes with the number of work-items, in work-groups of the backend's choice.
         *
         * @param items work-items to launch; zero or fewer means nothing to do
         * @return the finished launch
         */
        public R items(long items) {
            return finish(new DeviceLaunch(args, items, 0, 0));
        }

        /**
         * Finishes with the number of work-items and a work-group size CPU devices run it best in.
         *
         * @param items work-items to launch; zero or fewer means nothing to do
         * @param preferredGroup a work-group size that runs the kernel best on CPU OpenCL devices
         *     (PoCL), or 0; a hint that GPU devices ignore
         * @return the finished launch
         */
        public R items(long items, int preferredGroup) {
            return finish(new DeviceLaunch(args, items, 0, preferredGroup));
        }

        /**
         * Finishes with {@code groups} work-groups of exactly {@code size} work-items.
         *
         * @param groups the number of work-groups
         * @param size work-items per work-group
         * @return the finished launch
         */
        public R groups(long groups, int size) {
            return finish(new DeviceLaunch(args, groups * size, size, 0));
        }

        /**
         * Finishes with enough work-groups of exactly {@code size} work-items to cover {@code items}
         * (the kernel bounds-checks the rest of the last group).
         *
         * @param items work-items the kernel needs
         * @param size work-items per work-group
         * @return the finished launch
         */
        public R itemsInGroupsOf(long items, int size) {
            if (size <= 0) {
                throw new IllegalArgumentException("work-group size must be positive, got " + size);
            }
            return groups(items <= 0 ? 0 : (items + size - 1) / size, size);
        }
    }

    /** The builder of plain launch descriptions, as plugins use them. */
    public static final class Builder extends Arguments<Builder, DeviceLaunch> {
        private Builder() {
        }

        @Override
        protected DeviceLaunch finish(DeviceLaunch launch) {
            return launch;
        }
    }
}
