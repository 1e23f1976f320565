package org.jconvnet.backend.blas.core;

/**
 * The outcome of loading one of the native libraries this backend takes from JavaCPP's jars
 * ({@link OpenBlas}, {@link OneDnn}): loading never throws, it reports.
 *
 * @param loaded      the natives are loaded and usable
 * @param description the library in words (version, platform), or why it could not be loaded
 * @param failure     the cause when not loaded, else null
 */
public record NativeLibrary(boolean loaded, String description, Throwable failure) {
    /** A library that loaded, described by {@code description}. */
    static NativeLibrary loaded(String description) {
        return new NativeLibrary(true, description, null);
    }

    /**
     * {@code library} could not be loaded on {@code platform} because of {@code cause}; {@code
     * advice} (may be empty) says what the user can do.
     */
    static NativeLibrary failed(String library, String platform, Throwable cause, String advice) {
        String why = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getName();
        return new NativeLibrary(false, library + " could not be loaded on " + platform + ": " + why + advice, cause);
    }
}
