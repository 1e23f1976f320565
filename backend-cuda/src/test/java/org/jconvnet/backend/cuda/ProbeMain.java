package org.jconvnet.backend.cuda;

import java.util.ServiceLoader;
import org.jconvnet.api.backend.Availability;
import org.jconvnet.api.backend.BackendProvider;
import org.jconvnet.api.backend.BackendRegistry;

/**
 * A tiny program run in a fresh JVM by {@link ForkedProbeTest}: discovers the providers, marks
 * the moment before probing (so the test can see that no JCuda class loaded earlier), probes the
 * cuda provider twice and prints the backend table.
 */
public final class ProbeMain {
    /** The line printed just before the first probe. */
    public static final String MARK = "=== probing now ===";

    private ProbeMain() {
    }

    /** Entry point; exits 0 whenever the probe returned, whatever it said. */
    public static void main(String[] args) {
        BackendProvider cuda = null;
        for (BackendProvider p : ServiceLoader.load(BackendProvider.class)) {
            System.out.println("provider " + p.id() + " priority " + p.priority());
            if (p.id().equals("cuda")) {
                cuda = p;
            }
        }
        System.out.println(MARK);
        Availability first = cuda.probe();
        Availability second = cuda.probe();
        System.out.println("first: " + first.available() + " " + first.detail());
        System.out.println("second: " + second.available() + " " + second.detail());
        System.out.print(BackendRegistry.table(BackendRegistry.discover(ProbeMain.class.getClassLoader()).statuses()));
        System.out.println("JVM still alive");
    }
}
