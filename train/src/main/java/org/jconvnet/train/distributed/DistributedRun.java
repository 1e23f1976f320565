package org.jconvnet.train.distributed;

import java.io.PrintStream;
import org.jconvnet.layers.net.Net;
import org.jconvnet.train.ResolvedRun;
import org.jconvnet.train.solver.Solver;

/**
 * What a distributed trainer is given on the driver: the resolved run (its net definition, data
 * and options, from which workers build their replicas), and the driver's own net and solver,
 * which hold the one authoritative copy of the parameters and the update rule's state. Tests and
 * checkpoints read that net, so they are the single-machine code paths unchanged.
 *
 * @param run    the resolved run
 * @param net    the driver's net, parameters initialised or restored
 * @param solver the driver's solver, bound to {@code net}, state restored on resume
 * @param err    notes about the cluster
 */
public record DistributedRun(ResolvedRun run, Net net, Solver solver, PrintStream err) {
}
