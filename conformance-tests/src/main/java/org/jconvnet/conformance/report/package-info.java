/** Writers for the conformance report: a text table for people, JSON for tools. */
package org.jconvnet.conformance.report;
