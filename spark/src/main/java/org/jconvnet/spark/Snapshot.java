package org.jconvnet.spark;

import java.io.Serializable;

/**
 * The driver's state at the start of a round, broadcast to the tasks: the weights after
 * {@code version} updates and, for local steps, the solver's momentum (null otherwise). A replica
 * that holds anything else is reset from it.
 *
 * @param version  how many rounds the driver has applied (its step counter)
 * @param weights  every parameter
 * @param momentum every momentum buffer, or null when the tasks only compute gradients
 */
record Snapshot(long version, ParamValues weights, ParamValues momentum) implements Serializable {
}
