package org.jconvnet.cli.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;
import org.jconvnet.train.data.CifarBatchReader;
import org.jconvnet.train.data.SyntheticCifar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jconvnet data download} against a local HTTP server on 127.0.0.1 (never the internet). */
class DataDownloadCommandTest {
    @TempDir
    Path tmp;

    private static void entry(ByteArrayOutputStream out, String name, byte[] body) throws IOException {
        byte[] h = new byte[512];
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(n, 0, h, 0, n.length);
        byte[] size = String.format("%011o", body.length).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(size, 0, h, 124, size.length);
        h[156] = '0';
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        byte[] cs = String.format("%06o", sum).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(cs, 0, h, 148, cs.length);
        h[154] = 0;
        out.write(h);
        out.write(body);
        out.write(new byte[(512 - body.length % 512) % 512]);
    }

    /** A small CIFAR-10-shaped tarball, gzipped. */
    private static byte[] tarball() throws IOException {
        SyntheticCifar s = new SyntheticCifar(5, 2, 2);
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        for (int k = 1; k <= 5; k++) {
            entry(tar, "cifar-10-batches-bin/data_batch_" + k + ".bin", CifarBatchReader.encode(s.batch(k)));
        }
        entry(tar, "cifar-10-batches-bin/test_batch.bin", CifarBatchReader.encode(s.batch(6)));
        tar.write(new byte[1024]);
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(gz)) {
            z.write(tar.toByteArray());
        }
        return gz.toByteArray();
    }

    @Test
    void downloadsIntoTheGivenCacheAndRefusesABadChecksum() throws Exception {
        byte[] body = tarball();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/c.tar.gz", ex -> {
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream os = ex.getResponseBody()) {
                os.write(body);
            }
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/c.tar.gz";
            String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body));
            TrainCommandsTest.Run bad = TrainCommandsTest.run("data", "download", "--url", url, "--md5", "0".repeat(32),
                    "--cache", tmp.resolve("c1").toString());
            assertEquals(1, bad.code(), bad.toString());
            assertTrue(bad.err().contains("MD5"), bad.err());
            TrainCommandsTest.Run ok = TrainCommandsTest.run("data", "download", "cifar10", "--url", url, "--md5", md5,
                    "--cache", tmp.resolve("c2").toString());
            assertEquals(0, ok.code(), ok.toString());
            assertTrue(ok.out().trim().endsWith("cifar-10-batches-bin"), ok.out());
            assertTrue(Files.isRegularFile(tmp.resolve("c2/cifar-10-batches-bin/test_batch.bin")));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void installsALocalTarballCheckedLikeADownload() throws Exception {
        byte[] body = tarball();
        Path file = Files.write(tmp.resolve("cifar-10-binary.tar.gz"), body);
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body));
        TrainCommandsTest.Run bad = TrainCommandsTest.run("data", "install", file.toString(), "--cache",
                tmp.resolve("c1").toString());
        assertEquals(1, bad.code(), bad.toString());
        assertTrue(bad.err().contains("failed its MD5 check"), bad.err());
        TrainCommandsTest.Run ok = TrainCommandsTest.run("data", "install", file.toString(), "--md5", md5, "--cache",
                tmp.resolve("c2").toString());
        assertEquals(0, ok.code(), ok.toString());
        assertTrue(Files.isRegularFile(tmp.resolve("c2/cifar-10-batches-bin/test_batch.bin")));
        TrainCommandsTest.Run viaUrl = TrainCommandsTest.run("data", "download", "--url", file.toUri().toString(), "--md5", md5,
                "--cache", tmp.resolve("c3").toString());
        assertEquals(0, viaUrl.code(), viaUrl.toString());
    }

    @Test
    void aFailedDownloadSaysWhy() throws IOException {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        TrainCommandsTest.Run r = TrainCommandsTest.run("data", "download", "--url", "http://127.0.0.1:" + closed + "/c.tar.gz",
                "--cache", tmp.resolve("c").toString());
        assertEquals(1, r.code(), r.toString());
        assertTrue(r.err().contains("connection refused") && !r.err().contains("null"), r.err());
        assertTrue(org.jconvnet.train.download.IoCauses.describe(new java.net.UnknownHostException("nosuch.invalid"))
                .startsWith("unknown host nosuch.invalid"));
        assertTrue(org.jconvnet.train.download.IoCauses.describe(new java.nio.file.AccessDeniedException("/x/cost.png"))
                .equals("permission denied: /x/cost.png"));
    }

    @Test
    void anUnknownDataSetIsAUsageErrorNamingTheKnownOne() {
        TrainCommandsTest.Run r = TrainCommandsTest.run("data", "download", "imagenet", "--cache", tmp.toString());
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("unknown data set 'imagenet'") && r.err().contains("cifar10"), r.err());
    }
}
