/**
 * The backend SPI and backend selection.
 *
 * <p>A backend is found through {@link java.util.ServiceLoader} as a
 * {@link org.jconvnet.api.backend.BackendProvider}. Providers load without native code; natives
 * load only in {@code probe()} and {@code create()}. {@link org.jconvnet.api.backend.BackendSelector}
 * implements the start-up rule of DESIGN.md: an explicit choice (API, then
 * {@code -Djconvnet.backend}, then {@code JCONVNET_BACKEND}) never falls back; otherwise the
 * highest-priority available backend wins, and when none is available the error tables every
 * backend with its reason.
 */
package org.jconvnet.api.backend;
