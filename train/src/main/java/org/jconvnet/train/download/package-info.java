/**
 * Fetching the official CIFAR-10 binary tarball into a local cache: HTTP download with a progress
 * bar, MD5 check, and a small tar reader to unpack it. Nothing here runs unless asked
 * ({@code jconvnet data download}); training never downloads implicitly.
 */
package org.jconvnet.train.download;
