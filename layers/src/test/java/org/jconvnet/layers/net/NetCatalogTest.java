package org.jconvnet.layers.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jconvnet.api.config.ConfigException;
import org.jconvnet.layers.cfg.CfgFile;
import org.jconvnet.layers.cfg.CfgReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetCatalogTest {

    @Test
    void shippedNamesWithAndWithoutSuffix() {
        assertEquals(3, NetCatalog.names().size());
        assertEquals("layers-18pct.cfg", NetCatalog.layerDef("layers-18pct").name());
        assertEquals("layers-18pct.cfg", NetCatalog.layerDef("layers-18pct.cfg").name());
        assertEquals("layer-params-18pct.cfg", NetCatalog.layerParamsFor("layers-18pct").name());
        assertEquals("layer-params-conv-local-11pct.cfg", NetCatalog.layerParamsFor(NetCatalog.SEED).name());
    }

    /** The shipped files have the original sections, keys and values (comments are jconvnet's own). */
    @Test
    void shippedFilesMatchTheOriginalsKeyForKey() throws IOException {
        for (String n : NetCatalog.names()) {
            String params = "layer-params-" + n.substring("layers-".length()) + ".cfg";
            for (String[] pair : new String[][] {{n + ".cfg", NetCatalog.layerDef(n).text()},
                {params, NetCatalog.layerParamsFor(n).text()}}) {
                CfgFile shipped = CfgReader.parse(pair[0], pair[1]);
                CfgFile original = CfgReader.parse(pair[0], org.jconvnet.layers.cfg.CfgReaderTest.verbatim(pair[0]));
                assertEquals(original.names(), shipped.names(), pair[0]);
                for (int i = 0; i < original.sections().size(); i++) {
                    assertEquals(original.sections().get(i).values(), shipped.sections().get(i).values(), pair[0]);
                }
            }
        }
    }

    @Test
    void pathFindsParamsAlongside(@TempDir Path dir) throws IOException {
        Path def = dir.resolve("layers-mine.cfg");
        Files.writeString(def, "[data]\ntype=data\ndataIdx=0\n");
        Files.writeString(dir.resolve("layer-params-mine.cfg"), "[x]\ncoeff=1\n");
        assertEquals(def.toString(), NetCatalog.layerDef(def.toString()).name());
        assertEquals(dir.resolve("layer-params-mine.cfg").toString(), NetCatalog.layerParamsFor(def.toString()).name());
        assertTrue(NetCatalog.layerParamsFor(def.toString()).text().contains("coeff"));
    }

    @Test
    void missingFilesAreClear(@TempDir Path dir) throws IOException {
        ConfigException e = assertThrows(ConfigException.class, () -> NetCatalog.layerDef(dir.resolve("nope.cfg").toString()));
        assertTrue(e.getMessage().contains("layers-18pct"), e.getMessage());
        Path def = dir.resolve("layers-alone.cfg");
        Files.writeString(def, "[a]\n");
        e = assertThrows(ConfigException.class, () -> NetCatalog.layerParamsFor(def.toString()));
        assertTrue(e.getMessage().contains("layer-params-alone.cfg"), e.getMessage());
        Path odd = dir.resolve("mynet.cfg");
        Files.writeString(odd, "[a]\n");
        e = assertThrows(ConfigException.class, () -> NetCatalog.layerParamsFor(odd.toString()));
        assertTrue(e.getMessage().contains("layers-X.cfg"), e.getMessage());
    }
}
