package org.jconvnet.backend.opencl;

import static org.jocl.CL.*;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.jconvnet.api.JConvNetException;
import org.jocl.CLException;
import org.jocl.Pointer;
import org.jocl.cl_command_queue;
import org.jocl.cl_context;
import org.jocl.cl_context_properties;
import org.jocl.cl_device_id;
import org.jocl.cl_kernel;
import org.jocl.cl_program;

/**
 * One OpenCL device in use: its context, one in-order command queue, and a cache of built
 * programs (keyed by a hash of source text and build options) and of their kernel objects.
 *
 * <p>In the spirit of tinygrad's {@code ops_cl.py}: an allocator ({@link OpenClTensor}), a compiler
 * ({@link #kernel}), a launcher ({@link OpenClLauncher}) and a sync ({@link #finish}). Kernel objects
 * hold argument state, so launches are serialised on this object.
 */
public final class OpenClRuntime implements AutoCloseable {
    /** Build options for every program: the portable dialect targets OpenCL C 1.2. */
    public static final String BUILD_OPTIONS = "-cl-std=CL1.2";

    private final OpenClDevice device;
    private final cl_context context;
    private final cl_command_queue queue;
    private final Map<String, cl_program> programs = new HashMap<>();
    private final Map<String, cl_kernel> kernels = new HashMap<>();
    private boolean closed;

    private OpenClRuntime(OpenClDevice device) {
        this.device = device;
        cl_context_properties props = new cl_context_properties();
        props.addProperty(CL_CONTEXT_PLATFORM, device.platform());
        try {
            this.context = clCreateContext(props, 1, new cl_device_id[] {device.device()}, null, null, null);
            this.queue = clCreateCommandQueue(context, device.device(), 0, null);
        } catch (CLException e) {
            throw new JConvNetException("cannot open OpenCL device " + device.describe() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens the device chosen by {@code selector} (index or name substring; empty: first GPU, else
     * first device).
     */
    public static OpenClRuntime open(Optional<String> selector) {
        OpenClDevice d;
        try {
            d = OpenClDevices.choose(OpenClDevices.list(), selector);
        } catch (JConvNetException e) {
            throw e;
        } catch (CLException | LinkageError e) {
            throw new JConvNetException("cannot enumerate OpenCL devices: " + e.getMessage() + "; "
                    + OpenClProbe.INSTALL_HINT, e);
        }
        return new OpenClRuntime(d);
    }

    /** The device this runtime drives. */
    public OpenClDevice device() {
        return device;
    }

    /** The OpenCL context (for buffer creation). */
    cl_context context() {
        return context;
    }

    /** The in-order queue every transfer and launch goes through. */
    cl_command_queue queue() {
        return queue;
    }

    /**
     * The kernel {@code function} of the program built from {@code source}, building and caching
     * the program on first use.
     *
     * @param source   the full program text (prelude included)
     * @param name     the program's name for messages (e.g. {@code conv.kc})
     * @param function the kernel function name
     * @throws JConvNetException with the build log when the program does not compile
     */
    public synchronized cl_kernel kernel(String source, String name, String function) {
        checkOpen();
        String key = hash(source + '\0' + BUILD_OPTIONS);
        cl_kernel k = kernels.get(key + '/' + function);
        if (k != null) {
            return k;
        }
        cl_program program = programs.get(key);
        if (program == null) {
            program = build(source, name, function);
            programs.put(key, program);
        }
        try {
            k = clCreateKernel(program, function, null);
        } catch (CLException e) {
            throw new JConvNetException("OpenCL program " + name + " has no kernel '" + function + "': "
                    + e.getMessage(), e);
        }
        kernels.put(key + '/' + function, k);
        return k;
    }

    private cl_program build(String source, String name, String function) {
        cl_program program = clCreateProgramWithSource(context, 1, new String[] {source}, null, null);
        try {
            clBuildProgram(program, 1, new cl_device_id[] {device.device()}, BUILD_OPTIONS, null, null);
        } catch (CLException e) {
            String log = buildLog(program);
            clReleaseProgram(program);
            throw new JConvNetException("OpenCL program " + name + " failed to build (wanted for kernel '" + function
                    + "') on " + device.name().trim()
                    + " (" + e.getMessage() + "): " + log.trim(), e);
        }
        return program;
    }

    private String buildLog(cl_program program) {
        try {
            long[] size = new long[1];
            clGetProgramBuildInfo(program, device.device(), CL_PROGRAM_BUILD_LOG, 0, null, size);
            byte[] buf = new byte[(int) size[0]];
            clGetProgramBuildInfo(program, device.device(), CL_PROGRAM_BUILD_LOG, buf.length, Pointer.to(buf), null);
            return new String(buf, StandardCharsets.UTF_8).replace("\0", "");
        } catch (CLException e) {
            return "(no build log: " + e.getMessage() + ")";
        }
    }

    /** Blocks until the queue is empty. */
    public synchronized void finish() {
        checkOpen();
        try {
            clFinish(queue);
        } catch (CLException e) {
            throw new JConvNetException("OpenCL queue on " + device.name().trim() + " failed: " + e.getMessage()
                    + " (an earlier asynchronous launch or transfer went wrong)", e);
        }
    }

    void checkOpen() {
        if (closed) {
            throw new IllegalStateException("the OpenCL backend on " + device.name().trim() + " was closed");
        }
    }

    /** Whether {@link #close()} has run. */
    boolean isClosed() {
        return closed;
    }

    /** Releases kernels, programs, the queue and the context. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            clFinish(queue);
        } catch (CLException e) {
            // Closing anyway: the error was already reported to whoever synchronised last.
        }
        kernels.values().forEach(k -> clReleaseKernel(k));
        programs.values().forEach(p -> clReleaseProgram(p));
        kernels.clear();
        programs.clear();
        clReleaseCommandQueue(queue);
        clReleaseContext(context);
    }

    private static String hash(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is mandatory in every JRE", e);
        }
    }
}
