/**
 * The configuration model layer plugins read: one section of a cuda-convnet {@code .cfg} file
 * ({@link org.jconvnet.api.config.ConfigSection}) with typed getters that follow cuda-convnet's
 * rules (case-insensitive keys, comma lists, Python booleans), and
 * {@link org.jconvnet.api.config.ConfigException}, whose message names file, section and key.
 * The INI parser itself lives in the {@code layers} module.
 */
package org.jconvnet.api.config;
