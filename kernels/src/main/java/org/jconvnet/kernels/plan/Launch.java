package org.jconvnet.kernels.plan;

import java.util.ArrayList;
import java.util.List;
import org.jconvnet.api.tensor.Tensor;

/**
 * One kernel launch of a plan: the entry point, its positional arguments and the number of
 * work-items (one-dimensional; kernels bounds-check, so the count may be rounded up freely,
 * except for kernels that work in groups, which get exactly whole groups).
 *
 * @param source file of the kernels module that defines the entry point, e.g. {@code conv.kc}
 * @param entry  entry point name ({@code extern "C"}, so the PTX name equals the source name)
 * @param args   arguments in the kernel's parameter order
 * @param items  work-items to launch; zero or fewer means nothing to do
 * @param group  the work-group (CUDA block) size the kernel requires, or 0 when any size works
 *               and the backend picks one
 * @param preferredGroup a work-group size that runs this kernel best on CPU OpenCL devices (PoCL),
 *               or 0; a hint that GPU backends ignore
 */
public record Launch(String source, String entry, List<Arg> args, long items, int group, int preferredGroup) {

    /** Copies the argument list. */
    public Launch {
        args = List.copyOf(args);
    }

    /** What an argument is. */
    public enum Kind {
        /** A tensor of the launch (device pointer). */
        TENSOR,
        /** A backend-owned scratch buffer of at least {@link Arg#scratchElements()} floats (device pointer). */
        SCRATCH,
        /** A 32-bit int. */
        INT,
        /** A 32-bit float (reals of the contract, narrowed once). */
        FLOAT
    }

    /**
     * One positional argument.
     *
     * @param param the parameter name in the {@code .kc} source (checked by tests)
     * @param kind  what it is
     * @param value a {@link Tensor}, the scratch buffer's name, an {@link Integer} or a {@link Float}
     * @param scratchElements for {@link Kind#SCRATCH}: the floats needed; otherwise 0
     */
    public record Arg(String param, Kind kind, Object value, long scratchElements) {
    }

    /** Starts a launch of {@code entry} from {@code source}. */
    public static Builder of(String source, String entry) {
        return new Builder(source, entry);
    }

    /** Collects arguments in parameter order. */
    public static final class Builder {
        private final String source;
        private final String entry;
        private final List<Arg> args = new ArrayList<>();

        private Builder(String source, String entry) {
            this.source = source;
            this.entry = entry;
        }

        /** A tensor parameter. */
        public Builder tensor(String param, Tensor t) {
            args.add(new Arg(param, Kind.TENSOR, t, 0));
            return this;
        }

        /** A scratch buffer parameter: the backend keeps a buffer named {@code name} of at least {@code elements} floats. */
        public Builder scratch(String param, String name, long elements) {
            args.add(new Arg(param, Kind.SCRATCH, name, elements));
            return this;
        }

        /** An int parameter. */
        public Builder integer(String param, int value) {
            args.add(new Arg(param, Kind.INT, value, 0));
            return this;
        }

        /** A float parameter, narrowed from the contract's double once. */
        public Builder real(String param, double value) {
            args.add(new Arg(param, Kind.FLOAT, (float) value, 0));
            return this;
        }

        /** Finishes with the number of work-items, in work-groups of the backend's choice. */
        public Launch items(long items) {
            return new Launch(source, entry, args, items, 0, 0);
        }

        /** Finishes with the number of work-items and a work-group size CPU devices run it best in. */
        public Launch items(long items, int preferredGroup) {
            return new Launch(source, entry, args, items, 0, preferredGroup);
        }

        /** Finishes with {@code groups} work-groups of exactly {@code size} work-items (kernels using local memory). */
        public Launch groups(long groups, int size) {
            return new Launch(source, entry, args, groups * size, size, 0);
        }
    }
}
