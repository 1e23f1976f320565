package org.jconvnet.train.download;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.train.ProgressBar;
import org.jconvnet.train.checkpoint.CheckpointFs;
import org.jconvnet.train.data.CifarDirectory;
import org.jconvnet.train.run.Terminal;

/**
 * Downloads the CIFAR-10 binary tarball, checks its MD5, and unpacks {@code cifar-10-batches-bin/}
 * into a cache directory: {@code $JCONVNET_CACHE} if set, else {@code ~/.cache/jconvnet}. The
 * finished directory appears atomically (unpacked next to it, then renamed), so an interrupted
 * download never leaves a half-filled data directory behind. A {@code file:} URL installs a
 * tarball copied over by hand (machines without internet), checked the same way.
 */
public final class DatasetDownloader {
    /** The official binary tarball. */
    public static final URI CIFAR10_URL = URI.create("https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz");
    /** Its published MD5. */
    public static final String CIFAR10_MD5 = "c32a1d4ab5d03f1284b67883e8d87530";
    /** The directory the tarball holds, and the name in the cache. */
    public static final String DIR_NAME = "cifar-10-batches-bin";
    /** Environment variable overriding the cache directory. */
    public static final String CACHE_ENV = "JCONVNET_CACHE";

    private final URI url;
    private final String md5;
    private final Path cache;
    private final PrintStream progress;
    private final boolean progressInPlace;

    /**
     * A downloader whose progress bar is redrawn in place only when stderr is a terminal (as
     * training decides), so that a log redirected to a file gets one line, not a {@code \r} pile.
     *
     * @param url      where to fetch the tarball
     * @param md5      its expected MD5 (hex)
     * @param cache    the cache directory
     * @param progress where the progress bar goes (stderr)
     */
    public DatasetDownloader(URI url, String md5, Path cache, PrintStream progress) {
        this(url, md5, cache, progress, Terminal.stderrIsTerminal());
    }

    /**
     * @param url             where to fetch the tarball
     * @param md5             its expected MD5 (hex)
     * @param cache           the cache directory
     * @param progress        where the progress bar goes
     * @param progressInPlace whether {@code progress} is a terminal, so the bar may be redrawn in place
     */
    public DatasetDownloader(URI url, String md5, Path cache, PrintStream progress, boolean progressInPlace) {
        this.url = url;
        this.md5 = md5.toLowerCase(Locale.ROOT);
        this.cache = cache;
        this.progress = progress;
        this.progressInPlace = progressInPlace;
    }

    /** The official data set into the default cache. */
    public static DatasetDownloader cifar10(PrintStream progress) {
        return new DatasetDownloader(CIFAR10_URL, CIFAR10_MD5, defaultCache(), progress);
    }

    /** {@code $JCONVNET_CACHE}, else {@code ~/.cache/jconvnet}. */
    public static Path defaultCache() {
        String env = System.getenv(CACHE_ENV);
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "jconvnet");
    }

    /** Where the data directory is (or will be) in the cache. */
    public Path dataDir() {
        return cache.resolve(DIR_NAME);
    }

    /** Whether the cache already holds a usable data directory (all six batches). */
    public boolean isPresent() {
        if (!Files.isDirectory(dataDir())) {
            return false;
        }
        try {
            return new CifarDirectory(dataDir()).available().size() >= 6;
        } catch (JConvNetException e) {
            return false;
        }
    }

    /**
     * Downloads and unpacks unless already present (or {@code force}); returns the data directory.
     *
     * @throws JConvNetException on HTTP errors, an MD5 mismatch (the file is deleted), or a bad archive
     */
    public Path fetch(boolean force) {
        if (!force && isPresent()) {
            progress.println("CIFAR-10 already in " + dataDir());
            return dataDir();
        }
        try {
            Files.createDirectories(cache);
            Path part = cache.resolve("cifar-10-binary.tar.gz.part");
            String got = download(part);
            if (!got.equals(md5)) {
                Files.deleteIfExists(part);
                throw new JConvNetException("download of " + url + " failed its MD5 check: expected " + md5 + ", got " + got
                        + " (deleted; retry, or check the URL)");
            }
            Path unpack = cache.resolve(".unpack-" + System.nanoTime());
            try (InputStream in = new GZIPInputStream(Files.newInputStream(part), 1 << 16)) {
                TarReader.extract(in, unpack, url.toString());
            }
            Path inner = unpack.resolve(DIR_NAME);
            if (!Files.isDirectory(inner)) {
                CheckpointFs.DURABLE.deleteTree(unpack);
                throw new JConvNetException(url + ": the archive holds no " + DIR_NAME + "/ directory");
            }
            if (Files.exists(dataDir())) {
                CheckpointFs.DURABLE.deleteTree(dataDir());
            }
            Files.move(inner, dataDir(), StandardCopyOption.ATOMIC_MOVE);
            CheckpointFs.DURABLE.deleteTree(unpack);
            Files.deleteIfExists(part);
            progress.println("CIFAR-10 unpacked into " + dataDir());
            return dataDir();
        } catch (IOException e) {
            throw new JConvNetException("cannot " + (isLocal() ? "install " : "download ") + url + " into " + cache + ": "
                    + IoCauses.describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JConvNetException("download of " + url + " interrupted", e);
        }
    }

    private boolean isLocal() {
        return "file".equalsIgnoreCase(url.getScheme());
    }

    /** Streams the URL into {@code file} with a progress bar; returns the MD5 of what was written. */
    private String download(Path file) throws IOException, InterruptedException {
        if (isLocal()) {
            Path local = Path.of(url);
            return copy(Files.newInputStream(local), Files.size(local), file, "copying " + local.getFileName());
        }
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(30)).build();
        HttpRequest req = HttpRequest.newBuilder(url).GET().build();
        HttpResponse<InputStream> resp = client.send(req, HttpResponse.BodyHandlers.ofInputStream());
        if (resp.statusCode() != 200) {
            resp.body().close();
            throw new JConvNetException("download of " + url + " failed: HTTP " + resp.statusCode());
        }
        long total = resp.headers().firstValueAsLong("content-length").orElse(-1);
        return copy(resp.body(), total, file, "downloading " + url.getPath().replaceAll(".*/", ""));
    }

    /** Copies {@code body} (closed afterwards) into {@code file} with a progress bar; returns its MD5. */
    private String copy(InputStream body, long total, Path file, String label) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks MD5", e);
        }
        ProgressBar bar = new ProgressBar(progress, label, total, progressInPlace);
        long done = 0;
        try (InputStream in = new DigestInputStream(body, digest);
             OutputStream out = Files.newOutputStream(file)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) >= 0) {
                out.write(buf, 0, n);
                done += n;
                bar.update(done, mib(done) + (total > 0 ? "/" + mib(total) : "") + " MiB", false);
            }
        }
        bar.finish(done, String.format(Locale.ROOT, "%s MiB in %.1fs", mib(done), bar.elapsedSeconds()));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1048576.0);
    }
}
