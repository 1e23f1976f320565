package org.jconvnet.conformance;

/**
 * What happened to one selected backend as a whole.
 *
 * @param id     backend id
 * @param ran    whether its checks ran
 * @param detail the device it ran on, or the probe's reason it did not
 */
public record BackendOutcome(String id, boolean ran, String detail) {
}
