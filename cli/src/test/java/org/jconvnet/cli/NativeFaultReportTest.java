package org.jconvnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.jconvnet.api.JConvNetException;
import org.junit.jupiter.api.Test;

/**
 * What the user sees when a native fault ends a command: the failure as the train module and the
 * backends raise it (possibly wrapped, as Guice wraps what a provider throws) becomes one line
 * naming the cause and exit code 1, a runtime error: nothing on the command line is wrong.
 */
class NativeFaultReportTest {
    private final StringWriter text = new StringWriter();

    private int report(Throwable t, boolean verbose) {
        GlobalOptions options = new GlobalOptions();
        options.verbose(verbose);
        return new ErrorReporter(new PrintWriter(text, true), options).report(t);
    }

    @Test
    void deviceMemoryRunningOutMidRunIsOneLineNamingLayerAndTensorAndExitsOne() {
        String m = "cannot allocate the output gradient of layer 'conv2' (4096 x 128 cases, float32) on backend "
                + "'opencl': OpenCL cannot allocate a 4096 x 128 float32 tensor (2 MiB): CL_MEM_OBJECT_ALLOCATION_FAILURE";
        int code = report(new RuntimeException("wrapped", new JConvNetException(m)), false);
        assertEquals(ExitCodes.RUNTIME_ERROR, code);
        assertEquals("jconvnet: " + m + System.lineSeparator(), text.toString());
    }

    @Test
    void aKernelThatFailsToBuildIsOneLineWithTheBuildLogAndExitsOne() {
        String m = "OpenCL program half_done.kc failed to build (wanted for kernel 'half_done') on cpu "
                + "(CL_BUILD_PROGRAM_FAILURE): half_done.kc:2:46: error: expected ';' after expression";
        assertEquals(ExitCodes.RUNTIME_ERROR, report(new JConvNetException(m), false));
        assertEquals("jconvnet: " + m + System.lineSeparator(), text.toString());
    }

    @Test
    void anUnavailableBackendRequestedExplicitlyExitsOneAndTheTraceOnlyWithVerbose() {
        String m = "backend 'cuda' was requested but is unavailable: libcuda.so.1 not found";
        assertEquals(ExitCodes.RUNTIME_ERROR, report(new JConvNetException(m), true));
        assertTrue(text.toString().startsWith("jconvnet: " + m + System.lineSeparator()), text.toString());
        assertTrue(text.toString().contains("\tat "), "-v adds the stack trace: " + text);
    }
}
