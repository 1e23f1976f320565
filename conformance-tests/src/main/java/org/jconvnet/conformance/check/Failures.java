package org.jconvnet.conformance.check;

/** Describes exceptions in one line for reports. */
final class Failures {
    private Failures() {
    }

    /** {@code SimpleName: message} of the exception, and of its root cause when that differs. */
    static String describe(Throwable t) {
        String text = t.getClass().getSimpleName() + ": " + t.getMessage();
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != t) {
            text += " (caused by " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
        }
        StackTraceElement[] st = t.getStackTrace();
        if (st.length > 0 && (t instanceof NullPointerException || t instanceof IndexOutOfBoundsException
                || t instanceof ClassCastException)) {
            // Programming errors: where it happened is the most useful part.
            text += " at " + st[0];
        }
        return text.replace('\n', ' ');
    }
}
