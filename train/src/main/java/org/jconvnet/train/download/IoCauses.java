package org.jconvnet.train.download;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Says in words why an I/O operation failed: the JDK's exceptions often carry only a path or
 * nothing at all as their message ({@code null} for a refused connection, the path for a file in
 * the way), which reads as no reason to a user.
 */
public final class IoCauses {
    private IoCauses() {
    }

    /** The cause of {@code failure} as a short phrase, e.g. "connection refused", "X is a file, not a directory". */
    public static String describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String phrase = phrase(t);
            if (phrase != null) {
                return phrase;
            }
        }
        String m = failure.getMessage();
        return m != null && !m.isBlank() ? m : failure.getClass().getSimpleName();
    }

    private static String phrase(Throwable t) {
        if (t instanceof ConnectException) {
            return "connection refused (no server answers there, or no network)";
        }
        if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
            return "unknown host" + (t.getMessage() != null ? " " + t.getMessage() : "") + " (no DNS, or no network)";
        }
        if (t instanceof NoRouteToHostException) {
            return "no route to host (no network)";
        }
        if (t instanceof HttpConnectTimeoutException) {
            return "the connection timed out";
        }
        if (t instanceof HttpTimeoutException) {
            return "the server stopped answering (timed out)";
        }
        if (t instanceof AccessDeniedException a) {
            return "permission denied: " + a.getFile();
        }
        if (t instanceof NoSuchFileException n) {
            return "no such file or directory: " + n.getFile();
        }
        if (t instanceof NotDirectoryException || t instanceof FileAlreadyExistsException) {
            return ((FileSystemException) t).getFile() + " is a file, not a directory";
        }
        if (t instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason() + ": " + f.getFile();
        }
        if (t instanceof FileSystemException f && f.getFile() != null) {
            return "cannot use " + f.getFile();
        }
        return null;
    }
}
