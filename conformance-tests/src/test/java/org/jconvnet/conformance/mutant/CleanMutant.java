package org.jconvnet.conformance.mutant;

/**
 * The CPU reference under another id with no corruption, shipping a policy file
 * ({@code META-INF/jconvnet/conformance-mutant-clean.properties} in the test resources) so the tests
 * can show skip, strict expected-failure and tolerance rules working end to end.
 */
public final class CleanMutant {
    /** The backend id. */
    public static final String ID = "mutant-clean";

    private CleanMutant() {
    }

    /** Its backend provider. */
    public static final class Provider extends MutantProvider {
        /** The provider ServiceLoader creates. */
        public Provider() {
            super(ID);
        }
    }

    /** Its kernels. */
    public static final class Kernels extends MutantKernels {
        /** The provider ServiceLoader creates. */
        public Kernels() {
            super(ID);
        }
    }
}
