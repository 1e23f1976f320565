/** {@code jconvnet conformance}: runs the conformance suite from the built jars. */
package org.jconvnet.cli.conformance;
