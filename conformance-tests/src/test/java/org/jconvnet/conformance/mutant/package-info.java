/**
 * Mutant backends for the suite's own tests: each is the CPU reference with exactly one
 * corruption, registered under its own backend id, so the tests can show the suite catches it and
 * names layer, op and first wrong index.
 */
package org.jconvnet.conformance.mutant;
