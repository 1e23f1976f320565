/** Tests of the messages the plugin registries give plugin authors. */
package org.jconvnet.api.plugin;
