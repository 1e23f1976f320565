package org.jconvnet.layers.cfg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jconvnet.api.config.ConfigException;
import org.jconvnet.api.config.ConfigSection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

public class CfgReaderTest {

    public static String verbatim(String name) throws IOException {
        try (InputStream in = CfgReaderTest.class.getResourceAsStream("/verbatim/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"layers-18pct.cfg", "layer-params-18pct.cfg", "layers-conv-local-11pct.cfg",
        "layer-params-conv-local-11pct.cfg", "layers-conv-local-13pct.cfg", "layer-params-conv-local-13pct.cfg"})
    void originalFilesParseVerbatim(String name) throws IOException {
        CfgFile f = CfgReader.parse(name, verbatim(name));
        assertFalse(f.sections().isEmpty());
        for (ConfigSection s : f.sections()) {
            assertFalse(s.keys().isEmpty(), s.name());
            for (String v : s.values().values()) {
                assertFalse(v.contains("#"), name + " [" + s.name() + "] kept a comment: " + v);
            }
        }
    }

    @Test
    void seedDefinitionSectionsAndValuesInFileOrder() throws IOException {
        CfgFile f = CfgReader.parse("l.cfg", verbatim("layers-conv-local-11pct.cfg"));
        assertEquals(List.of("data", "labels", "conv1", "pool1", "rnorm1", "conv2", "rnorm2", "pool2", "local3",
                "local4", "fc10", "probs", "logprob"), f.names());
        ConfigSection conv1 = f.section("conv1").orElseThrow();
        assertEquals("0.0001", conv1.string("initW"));
        assertEquals(5, conv1.integer("filterSize"));
        assertEquals(List.of("type", "inputs", "channels", "filters", "padding", "stride", "filtersize", "neuron",
                "initw", "partialsum", "sharedbiases"), List.copyOf(conv1.keys()));
        CfgFile p = CfgReader.parse("p.cfg", verbatim("layer-params-18pct.cfg"));
        assertEquals(".75", p.section("rnorm1").orElseThrow().string("pow"));
        assertEquals(0.75, p.section("rnorm1").orElseThrow().real("pow"));
    }

    @Test
    void optionNamesAreCaseInsensitiveSectionNamesAreNot() {
        CfgFile f = CfgReader.parse("x.cfg", "[Conv]\nFilterSize = 5\nINITW: 0.1\n");
        ConfigSection s = f.section("Conv").orElseThrow();
        assertEquals(5, s.integer("filtersize"));
        assertEquals(5, s.integer("filterSize"));
        assertEquals("0.1", s.string("initW"));
        assertTrue(f.section("conv").isEmpty());
    }

    @Test
    void inlineSemicolonOnlyAfterWhitespace() {
        CfgFile f = CfgReader.parse("x.cfg", "[a]\nx=1 ; comment\ny=2;not a comment\nz=3\t;tab comment\n"
                + "w=a;b ;c\n# full line\n; full line too\nrem this is a comment\n");
        ConfigSection s = f.section("a").orElseThrow();
        assertEquals("1", s.string("x"));
        assertEquals("2;not a comment", s.string("y"));
        assertEquals("3", s.string("z"));
        // Python 2 looks only at the first ';': here it follows 'a', so nothing is stripped.
        assertEquals("a;b ;c", s.string("w"));
        assertEquals(List.of("x", "y", "z", "w"), List.copyOf(s.keys()));
    }

    @Test
    void hashIsNotAnInlineComment() {
        assertEquals("1 # not stripped", CfgReader.parse("x.cfg", "[a]\nx=1 # not stripped\n").section("a").orElseThrow().string("x"));
    }

    @Test
    void continuationLinesAndPercent() {
        CfgFile f = CfgReader.parse("x.cfg", "[a]\ninputs=one,\n  two\nrate=50%%\nalias=%(rate)s of it\nempty=\"\"\n");
        ConfigSection s = f.section("a").orElseThrow();
        assertEquals(List.of("one", "two"), s.stringList("inputs"));
        assertEquals("50%", s.string("rate"));
        assertEquals("50% of it", s.string("alias"));
        assertEquals("", s.string("empty"));
    }

    @Test
    void defaultSectionSuppliesDefaults() {
        CfgFile f = CfgReader.parse("x.cfg", "[DEFAULT]\nmomW=0.9\n[a]\nepsW=1\n[b]\nmomW=0.5\n");
        assertEquals(List.of("a", "b"), f.names());
        assertEquals("0.9", f.section("a").orElseThrow().string("momW"));
        assertEquals("0.5", f.section("b").orElseThrow().string("momW"));
    }

    @Test
    void headerMayCarryTrailingText() {
        assertEquals(List.of("a"), CfgReader.parse("x.cfg", "[a] ; trailing\nx=1\n").names());
    }

    @Test
    void duplicateSectionIsLocated() {
        ConfigException e = assertThrows(ConfigException.class, () -> CfgReader.parse("f.cfg", "[a]\nx=1\n\n[a]\ny=2\n"));
        assertEquals("f.cfg", e.file());
        assertEquals("a", e.section());
        assertTrue(e.getMessage().contains("line 4"), e.getMessage());
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void duplicateKeyIsLocated() {
        ConfigException e = assertThrows(ConfigException.class, () -> CfgReader.parse("f.cfg", "[a]\nx=1\nX=2\n"));
        assertEquals("a", e.section());
        assertEquals("x", e.key());
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    }

    @Test
    void lineOutsideSection() {
        ConfigException e = assertThrows(ConfigException.class, () -> CfgReader.parse("f.cfg", "# c\nx=1\n[a]\n"));
        assertEquals("f.cfg", e.file());
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        assertTrue(e.getMessage().contains("outside any section"), e.getMessage());
    }

    @Test
    void malformedLine() {
        ConfigException e = assertThrows(ConfigException.class, () -> CfgReader.parse("f.cfg", "[a]\nx=1\njustaword\n"));
        assertEquals("a", e.section());
        assertTrue(e.getMessage().startsWith("f.cfg: [a]: line 3: malformed line 'justaword'"), e.getMessage());
    }

    @Test
    void indentedLineWithoutOptionIsMalformed() {
        assertThrows(ConfigException.class, () -> CfgReader.parse("f.cfg", "[a]\n  x=1\n"));
    }

    @Test
    void lonePercentIsAnError() {
        ConfigException e = assertThrows(ConfigException.class, () -> CfgReader.parse("f.cfg", "[a]\nx=5%\n"));
        assertEquals("x", e.key());
    }

    @Test
    void crlfLineEndings() {
        assertEquals("1", CfgReader.parse("f.cfg", "[a]\r\nx=1\r\n").section("a").orElseThrow().string("x"));
    }
}
