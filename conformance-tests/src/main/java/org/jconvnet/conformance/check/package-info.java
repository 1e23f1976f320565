/**
 * The checks: a {@link org.jconvnet.conformance.check.Check} plans the (layer, case, op) results it
 * will produce and runs them against a {@link org.jconvnet.conformance.check.CheckContext}.
 * Families: layer cases from the plugins, layout probes, the whole seed net, and the checks of the
 * reference itself (central-difference gradients, external golden cases, frozen golden cases).
 */
package org.jconvnet.conformance.check;
