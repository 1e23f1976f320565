/**
 * A minimal JSON reader and writer for the checkpoint manifest and the metrics log, so the
 * training module needs no third-party library. Values map to {@code Map<String,Object>} (insertion
 * ordered), {@code List<Object>}, {@code String}, {@code Double}/{@code Long}, {@code Boolean} and
 * {@code null}.
 */
package org.jconvnet.train.json;
