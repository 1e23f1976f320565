package org.jconvnet.train.bench;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BenchTableTest {

    @Test
    void longDeviceNamesArePrintedWholeInTheLastColumn() {
        // issue 17: the table cut "OpenBLAS 0.3.31 (linux...)" to "OpenBLAS 0.3.31 (linu~".
        String device = "OpenBLAS 0.3.31 (linux, 16 threads) on Java 17 on 2 CPU core(s), Intel(R) Xeon(R) CPU";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BenchTable table = new BenchTable(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        Peaks.Peak peak = new Peaks.Peak(100, "test");
        BenchResult r = BenchResult.of("cpu-blas", device, "layers-18pct", 128, "float32", 4, 1,
                Spread.of(10, 11, 12), Spread.of(30, 31, 32), 1_000_000, 3_000_000, peak);
        table.header(peak);
        table.row(r, r);
        String text = bytes.toString(StandardCharsets.UTF_8);

        String header = text.lines().filter(l -> l.startsWith("BACKEND")).findFirst().orElseThrow();
        assertTrue(header.endsWith("DEVICE"), header);
        String row = text.lines().filter(l -> l.startsWith("cpu-blas")).findFirst().orElseThrow();
        assertTrue(row.endsWith("1.00  " + device), row);
        assertFalse(text.contains("~"), text);
    }
}
