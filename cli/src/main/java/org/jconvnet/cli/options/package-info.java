/**
 * The kinds of option values the commands accept, one picocli converter each. Every converter
 * checks its value completely while the command line is parsed, so that a wrong value is a usage
 * error (exit code 2, one line) before any backend starts or any file is written. The exhaustive
 * command-line test in this module takes its bad example values from the same list of kinds.
 */
package org.jconvnet.cli.options;
