package org.jconvnet.cli;

/**
 * Marks a command that never computes on a backend (it reads files, probes or lists), so the
 * global {@code --backend} option does nothing for it: {@link Cli} removes that option from the
 * command, and its help does not offer it.
 */
public interface StartsNoBackend {
}
