package org.jconvnet.backend.opencl;

import static org.jocl.CL.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jconvnet.api.JConvNetException;
import org.jocl.Pointer;
import org.jocl.Sizeof;
import org.jocl.cl_device_id;
import org.jocl.cl_platform_id;

/** Enumerates OpenCL devices and applies the {@code opencl.device} selection rule. */
public final class OpenClDevices {
    /** The {@link org.jconvnet.api.backend.BackendConfig} key (system property {@code jconvnet.opencl.device}). */
    public static final String DEVICE_KEY = "opencl.device";

    private OpenClDevices() {
    }

    /**
     * Every device of every platform, in platform order then device order. Loads JOCL's natives on
     * the first call.
     *
     * @throws org.jocl.CLException (e.g. CL_PLATFORM_NOT_FOUND_KHR) or {@link UnsatisfiedLinkError}
     */
    public static List<OpenClDevice> list() {
        setExceptionsEnabled(true);
        int[] count = new int[1];
        clGetPlatformIDs(0, null, count);
        cl_platform_id[] platforms = new cl_platform_id[count[0]];
        clGetPlatformIDs(platforms.length, platforms, null);
        List<OpenClDevice> out = new ArrayList<>();
        for (cl_platform_id p : platforms) {
            int[] n = new int[1];
            try {
                clGetDeviceIDs(p, CL_DEVICE_TYPE_ALL, 0, null, n);
            } catch (org.jocl.CLException e) {
                if (e.getStatus() == CL_DEVICE_NOT_FOUND) {
                    continue;
                }
                throw e;
            }
            cl_device_id[] devices = new cl_device_id[n[0]];
            clGetDeviceIDs(p, CL_DEVICE_TYPE_ALL, devices.length, devices, null);
            String platformName = platformString(p, CL_PLATFORM_NAME);
            for (cl_device_id d : devices) {
                long type = deviceLong(d, CL_DEVICE_TYPE);
                out.add(new OpenClDevice(out.size(), p, d, platformName, deviceString(d, CL_DEVICE_NAME),
                        (type & CL_DEVICE_TYPE_GPU) != 0, deviceString(d, CL_DEVICE_VERSION),
                        deviceString(d, CL_DEVICE_OPENCL_C_VERSION), deviceLong(d, CL_DEVICE_MAX_MEM_ALLOC_SIZE),
                        deviceLong(d, CL_DEVICE_GLOBAL_MEM_SIZE), deviceSizeT(d, CL_DEVICE_MAX_WORK_GROUP_SIZE)));
            }
        }
        return out;
    }

    /**
     * Applies the selection rule: an integer selects by index, any other text selects the first
     * device whose name or platform name contains it (case-insensitive); absent, the first GPU,
     * else the first device.
     *
     * @throws JConvNetException naming the selector and listing the devices when nothing matches
     */
    public static OpenClDevice choose(List<OpenClDevice> devices, Optional<String> selector) {
        if (devices.isEmpty()) {
            throw new JConvNetException("OpenCL platforms were found but they expose no device");
        }
        if (selector.isEmpty()) {
            return devices.stream().filter(OpenClDevice::gpu).findFirst().orElse(devices.get(0));
        }
        String sel = selector.get().trim();
        if (sel.matches("\\d+")) {
            int idx = Integer.parseInt(sel);
            if (idx < devices.size()) {
                return devices.get(idx);
            }
        } else {
            String needle = sel.toLowerCase(Locale.ROOT);
            for (OpenClDevice d : devices) {
                if (d.name().toLowerCase(Locale.ROOT).contains(needle)
                        || d.platformName().toLowerCase(Locale.ROOT).contains(needle)) {
                    return d;
                }
            }
        }
        StringBuilder sb = new StringBuilder();
        for (OpenClDevice d : devices) {
            sb.append(sb.length() == 0 ? "" : "; ").append(d.index()).append(": ").append(d.name().trim());
        }
        throw new JConvNetException(DEVICE_KEY + "='" + sel + "' matches no OpenCL device (give an index or a "
                + "name substring); devices: " + sb);
    }

    private static String platformString(cl_platform_id p, int param) {
        long[] size = new long[1];
        clGetPlatformInfo(p, param, 0, null, size);
        byte[] buf = new byte[(int) size[0]];
        clGetPlatformInfo(p, param, buf.length, Pointer.to(buf), null);
        return cString(buf);
    }

    private static String deviceString(cl_device_id d, int param) {
        long[] size = new long[1];
        clGetDeviceInfo(d, param, 0, null, size);
        byte[] buf = new byte[(int) size[0]];
        clGetDeviceInfo(d, param, buf.length, Pointer.to(buf), null);
        return cString(buf);
    }

    private static long deviceLong(cl_device_id d, int param) {
        long[] v = new long[1];
        clGetDeviceInfo(d, param, Sizeof.cl_ulong, Pointer.to(v), null);
        return v[0];
    }

    private static long deviceSizeT(cl_device_id d, int param) {
        long[] v = new long[1];
        clGetDeviceInfo(d, param, Sizeof.size_t, Pointer.to(v), null);
        return v[0];
    }

    private static String cString(byte[] buf) {
        int n = 0;
        while (n < buf.length && buf[n] != 0) {
            n++;
        }
        return new String(buf, 0, n, StandardCharsets.UTF_8);
    }
}
