package org.jconvnet.kernels.plan;

import java.util.List;
import org.jconvnet.api.kernel.DeviceLaunch;

/**
 * One kernel launch of a plan: the built-in entry point and its {@link DeviceLaunch} (positional
 * arguments, work-items, work-group size), the description plugin kernels use too, so both reach
 * the device through the same backend code.
 *
 * @param source file of the kernels module that defines the entry point, e.g. {@code conv.kc}
 * @param entry  entry point name ({@code extern "C"}, so the PTX name equals the source name)
 * @param device the arguments and geometry
 */
public record Launch(String source, String entry, DeviceLaunch device) {

    /** Starts a launch of {@code entry} from {@code source}. */
    public static Builder of(String source, String entry) {
        return new Builder(source, entry);
    }

    /** The arguments in the kernel's parameter order. */
    public List<DeviceLaunch.Arg> args() {
        return device.args();
    }

    /** Work-items to launch; zero or fewer means nothing to do. */
    public long items() {
        return device.items();
    }

    /** The work-group size the kernel requires, or 0 when the backend picks one. */
    public int group() {
        return device.group();
    }

    /** A work-group size CPU OpenCL devices run the kernel best in, or 0. */
    public int preferredGroup() {
        return device.preferredGroup();
    }

    /** Collects arguments in parameter order ({@link DeviceLaunch.Arguments}) and finishes with a geometry. */
    public static final class Builder extends DeviceLaunch.Arguments<Builder, Launch> {
        private final String source;
        private final String entry;

        private Builder(String source, String entry) {
            this.source = source;
            this.entry = entry;
        }

        @Override
        protected Launch finish(DeviceLaunch launch) {
            return new Launch(source, entry, launch);
        }
    }
}
