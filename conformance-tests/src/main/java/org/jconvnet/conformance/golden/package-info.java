/**
 * Golden cases: the external ones of {@code shared/golden} beside the repository (forward passes
 * computed by an independent float64 implementation) and the suite's own frozen cases (inputs, outputs and
 * gradients of the reference, stored as {@code .npy} resources by {@link
 * org.jconvnet.conformance.golden.FrozenGoldenGenerator}), so that a change to the reference
 * cannot go unnoticed.
 */
package org.jconvnet.conformance.golden;
