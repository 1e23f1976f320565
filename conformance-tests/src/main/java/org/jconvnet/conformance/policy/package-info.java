/**
 * Backend-owned conformance rules: skips, expected failures and tolerance overrides, each with a
 * reason, read from {@code META-INF/jconvnet/conformance-<backend>.properties} resources that a
 * backend jar ships. A resource file keeps backends free of any dependency on this module.
 */
package org.jconvnet.conformance.policy;
