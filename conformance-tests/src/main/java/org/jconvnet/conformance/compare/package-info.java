/**
 * Error metrics: max absolute and max relative error of a result against the float64 reference,
 * and the first index that is out of tolerance, so a failure names where it went wrong.
 */
package org.jconvnet.conformance.compare;
