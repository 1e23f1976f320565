package org.jconvnet.backend.opencl;

import org.jconvnet.api.backend.Availability;

/** Prints the OpenCL probe result on one line; {@link ProbeTest} runs it in a JVM with a custom environment. */
public final class ProbeMain {
    private ProbeMain() {
    }

    /** Prints {@code PROBE <available> <detail>}. */
    public static void main(String[] args) {
        Availability a = new OpenClBackendProvider().probe();
        System.out.println("PROBE " + a.available() + " " + a.detail());
    }
}
