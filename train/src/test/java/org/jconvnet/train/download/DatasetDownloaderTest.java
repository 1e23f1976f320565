package org.jconvnet.train.download;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.train.data.CifarBatch;
import org.jconvnet.train.data.CifarBatchReader;
import org.jconvnet.train.data.CifarDirectory;
import org.jconvnet.train.data.SyntheticCifar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads only from a local HTTP server on 127.0.0.1; no test touches the internet. */
class DatasetDownloaderTest {
    @TempDir
    Path cache;
    HttpServer server;
    byte[] tarball;

    /** Writes a ustar archive with the given entries (directory entries end in '/'). */
    static byte[] tar(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            byte[] h = new byte[512];
            boolean dir = e.getKey().endsWith("/");
            byte[] name = e.getKey().getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(name, 0, h, 0, name.length);
            put(h, 100, String.format("%07o", 0644));
            put(h, 108, "0000000");
            put(h, 116, "0000000");
            put(h, 124, String.format("%011o", dir ? 0 : e.getValue().length));
            put(h, 136, "00000000000");
            h[156] = (byte) (dir ? '5' : '0');
            put(h, 257, "ustar");
            h[262] = 0;
            put(h, 263, "00");
            for (int i = 148; i < 156; i++) {
                h[i] = ' ';
            }
            long sum = 0;
            for (byte b : h) {
                sum += b & 0xff;
            }
            put(h, 148, String.format("%06o", sum));
            h[154] = 0;
            out.write(h);
            if (!dir) {
                out.write(e.getValue());
                out.write(new byte[(512 - e.getValue().length % 512) % 512]);
            }
        }
        out.write(new byte[1024]);
        return out.toByteArray();
    }

    private static void put(byte[] h, int off, String s) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, off, b.length);
    }

    static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bo)) {
            gz.write(b);
        }
        return bo.toByteArray();
    }

    @BeforeEach
    void serve() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("cifar-10-batches-bin/", new byte[0]);
        SyntheticCifar s = new SyntheticCifar(5, 3, 2);
        for (int k = 1; k <= 5; k++) {
            entries.put("cifar-10-batches-bin/data_batch_" + k + ".bin", CifarBatchReader.encode(s.batch(k)));
        }
        entries.put("cifar-10-batches-bin/test_batch.bin", CifarBatchReader.encode(s.batch(6)));
        entries.put("cifar-10-batches-bin/batches.meta.txt", String.join("\n", SyntheticCifar.NAMES).getBytes(StandardCharsets.UTF_8));
        tarball = gzip(tar(entries));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/cifar-10-binary.tar.gz", ex -> {
            ex.sendResponseHeaders(200, tarball.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(tarball);
            }
        });
        server.createContext("/missing", ex -> {
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Test
    void downloadsChecksAndUnpacksIntoTheCache() throws Exception {
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(tarball));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        DatasetDownloader d = new DatasetDownloader(uri("/cifar-10-binary.tar.gz"), md5, cache,
                new PrintStream(log, true, StandardCharsets.UTF_8), true);
        assertFalse(d.isPresent());
        Path dir = d.fetch(false);
        assertEquals(cache.resolve("cifar-10-batches-bin"), dir);
        CifarDirectory cd = new CifarDirectory(dir);
        assertEquals(6, cd.available().size());
        CifarBatch b = cd.batch(3);
        assertArrayEquals(new SyntheticCifar(5, 3, 2).batch(3).pixels(), b.pixels());
        assertEquals("disc", cd.labelNames().get(0));
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("100%"), log.toString(StandardCharsets.UTF_8));
        assertTrue(d.isPresent());
        // A second fetch does not download again.
        server.removeContext("/cifar-10-binary.tar.gz");
        assertEquals(dir, d.fetch(false));
        try (var l = Files.list(cache)) {
            assertEquals(1, l.count(), "no leftovers in the cache");
        }
    }

    @Test
    void onAPipeTheProgressIsOnePlainLineWithoutCarriageReturns() throws Exception {
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(tarball));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        new DatasetDownloader(uri("/cifar-10-binary.tar.gz"), md5, cache,
                new PrintStream(log, true, StandardCharsets.UTF_8), false).fetch(false);
        String text = log.toString(StandardCharsets.UTF_8);
        assertFalse(text.contains("\r"), text);
        assertTrue(text.startsWith("downloading cifar-10-binary.tar.gz "), text);
        assertEquals(1, text.lines().filter(l -> l.startsWith("downloading")).count(), text);
    }

    @Test
    void theDefaultFollowsWhetherStderrIsATerminal() throws Exception {
        // Surefire's forked JVM writes stderr to a pipe, so the default must draw no bar in place.
        org.junit.jupiter.api.Assumptions.assumeFalse(org.jconvnet.train.run.Terminal.stderrIsTerminal(),
                "stderr is a terminal here");
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(tarball));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        new DatasetDownloader(uri("/cifar-10-binary.tar.gz"), md5, cache,
                new PrintStream(log, true, StandardCharsets.UTF_8)).fetch(false);
        String text = log.toString(StandardCharsets.UTF_8);
        assertFalse(text.contains("\r"), text);
    }

    @Test
    void wrongMd5IsRefusedAndNothingIsInstalled() {
        DatasetDownloader d = new DatasetDownloader(uri("/cifar-10-binary.tar.gz"), "00000000000000000000000000000000",
                cache, new PrintStream(OutputStream.nullOutputStream()));
        JConvNetException e = assertThrows(JConvNetException.class, () -> d.fetch(false));
        assertTrue(e.getMessage().contains("MD5") && e.getMessage().contains("expected 00000000"), e.getMessage());
        assertFalse(Files.exists(d.dataDir()));
        assertFalse(Files.exists(cache.resolve("cifar-10-binary.tar.gz.part")));
    }

    @Test
    void httpErrorIsReported() {
        DatasetDownloader d = new DatasetDownloader(uri("/missing"), "x", cache, new PrintStream(OutputStream.nullOutputStream()));
        JConvNetException e = assertThrows(JConvNetException.class, () -> d.fetch(false));
        assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
    }

    @Test
    void tarReaderRefusesEscapingPaths() throws IOException {
        Map<String, byte[]> evil = new LinkedHashMap<>();
        evil.put("../evil.txt", new byte[] {1});
        byte[] t = tar(evil);
        JConvNetException e = assertThrows(JConvNetException.class,
                () -> TarReader.extract(new ByteArrayInputStream(t), cache.resolve("x"), "evil.tar"));
        assertTrue(e.getMessage().contains("outside"), e.getMessage());
        byte[] bad = tar(Map.of("a.txt", new byte[] {1}));
        bad[0] ^= 1;
        assertThrows(JConvNetException.class, () -> TarReader.extract(new ByteArrayInputStream(bad), cache.resolve("y"), "bad.tar"));
    }
}
