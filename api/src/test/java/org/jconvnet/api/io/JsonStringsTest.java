package org.jconvnet.api.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class JsonStringsTest {
    @Test
    void plainTextIsOnlyQuoted() {
        assertEquals("\"conv1 weights\"", JsonStrings.quote("conv1 weights"));
        assertEquals("\"\"", JsonStrings.quote(""));
    }

    @Test
    void quotesBackslashesAndControlCharactersAreEscaped() {
        assertEquals("\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u001f\"", JsonStrings.quote("a\"b\\c\nd\re\tf\u0001g\u001f"));
    }

    @Test
    void nonAsciiIsCopiedUnchanged() {
        assertEquals("\"Krizhevsky \u00e9 \u2014\"", JsonStrings.quote("Krizhevsky \u00e9 \u2014"));
    }
}
