/**
 * JUnit 5 glue: {@link org.jconvnet.conformance.junit.ConformanceTests} turns the suite into dynamic
 * tests, so a backend's own test class runs it in a few lines. JUnit's API is an optional dependency
 * of this module; only this package uses it.
 */
package org.jconvnet.conformance.junit;
