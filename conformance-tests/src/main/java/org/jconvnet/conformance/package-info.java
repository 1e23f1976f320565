/**
 * The conformance suite: holds every backend to the CPU reference, and the reference to its own
 * gradients and to frozen golden outputs.
 *
 * <p>{@link org.jconvnet.conformance.ConformanceRunner} is the entry point used by the
 * {@code jconvnet conformance} command and by the JUnit helper
 * {@link org.jconvnet.conformance.junit.ConformanceTests}. It selects backends
 * ({@link org.jconvnet.conformance.ConformanceOptions}), applies each backend's own skip,
 * expected-failure and tolerance rules ({@link org.jconvnet.conformance.policy.BackendPolicy}) and
 * gathers one {@link org.jconvnet.conformance.CheckResult} per backend x layer x case x op into a
 * {@link org.jconvnet.conformance.ConformanceReport}.
 */
package org.jconvnet.conformance;
