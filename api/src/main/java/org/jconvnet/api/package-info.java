/**
 * The backend-neutral core of jconvnet: the error type every module throws and the API version
 * that plugins are checked against. Sub-packages hold tensors, the backend SPI, the kernel SPI, the
 * layer SPI and the configuration model. This module depends on the JDK only.
 */
package org.jconvnet.api;
