package org.jconvnet.api.backend;

/**
 * One row of the backend table: a discovered provider and what its probe said.
 *
 * @param id           provider id
 * @param priority     provider priority
 * @param availability probe result
 * @param kernelCoverage kernels this backend has for float32 compared with the CPU reference's,
 *                     e.g. {@code 44/44 kernels}; an incomplete backend says so here
 */
public record BackendStatus(String id, int priority, Availability availability, String kernelCoverage) {
}
