package org.jconvnet.cli.train;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jconvnet.cli.ExitCodes;
import org.jconvnet.cli.StartsNoBackend;
import org.jconvnet.cli.options.DatasetName;
import org.jconvnet.cli.options.DownloadUrl;
import org.jconvnet.cli.options.InputFile;
import org.jconvnet.cli.options.Md5Hex;
import org.jconvnet.cli.options.OutputDir;
import org.jconvnet.train.download.DatasetDownloader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jconvnet data}: data set management; {@code data download} fetches CIFAR-10. */
@Command(name = "data", mixinStandardHelpOptions = true, description = "Manage data sets.",
        subcommands = {DataCommand.Download.class, DataCommand.Install.class})
public final class DataCommand implements Callable<Integer>, StartsNoBackend {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE_ERROR;
    }

    /** {@code jconvnet data download}. */
    @Command(name = "download", mixinStandardHelpOptions = true,
            description = {"Download the CIFAR-10 binary tarball, check its MD5 and unpack cifar-10-batches-bin/ into "
                    + "the cache ($JCONVNET_CACHE, else ~/.cache/jconvnet). The tarball comes from:",
                    "  " + "https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz",
                    "Without internet: copy that file over and give --url file:///path/to/cifar-10-binary.tar.gz."},
            footer = {"", "Examples:", "  jconvnet data download",
                    "  jconvnet train --data-path ~/.cache/jconvnet/cifar-10-batches-bin"})
    public static final class Download implements Callable<Integer>, StartsNoBackend {
        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", arity = "0..1", paramLabel = "DATASET", defaultValue = DatasetName.CIFAR10,
                converter = DatasetName.class,
                description = "The data set to fetch; only cifar10 (the default) is known.")
        String dataset;

        @Option(names = "--cache", paramLabel = "DIR", converter = OutputDir.class, description = "Cache directory (default $JCONVNET_CACHE or ~/.cache/jconvnet).")
        Path cache;

        @Option(names = "--force", description = "Download again even if present.")
        boolean force;

        @Option(names = "--url", paramLabel = "URL", converter = DownloadUrl.class,
                description = "Another http(s) URL for the tarball (a mirror), or file:///... for a local copy.")
        URI url;

        @Option(names = "--md5", paramLabel = "HEX", converter = Md5Hex.class, description = "Expected MD5 (default: the official one).")
        String md5;

        @Override
        public Integer call() {
            DatasetDownloader d = new DatasetDownloader(url != null ? url : DatasetDownloader.CIFAR10_URL,
                    md5 != null ? md5 : DatasetDownloader.CIFAR10_MD5,
                    cache != null ? cache : DatasetDownloader.defaultCache(), Streams.of(spec.commandLine().getErr()));
            Path dir = d.fetch(force);
            spec.commandLine().getOut().println(dir);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }

    /** {@code jconvnet data install FILE}: a CIFAR-10 tarball copied over by hand, checked like a download. */
    @Command(name = "install", mixinStandardHelpOptions = true,
            description = {"Install CIFAR-10 from a local copy of cifar-10-binary.tar.gz (for machines without "
                    + "internet): check its MD5 and unpack cifar-10-batches-bin/ into the cache ($JCONVNET_CACHE, "
                    + "else ~/.cache/jconvnet), exactly as 'data download' does."},
            footer = {"", "Example:", "  jconvnet data install /media/usb/cifar-10-binary.tar.gz"})
    public static final class Install implements Callable<Integer>, StartsNoBackend {
        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", converter = InputFile.class,
                description = "The CIFAR-10 binary tarball (cifar-10-binary.tar.gz).")
        Path file;

        @Option(names = "--cache", paramLabel = "DIR", converter = OutputDir.class,
                description = "Cache directory (default $JCONVNET_CACHE or ~/.cache/jconvnet).")
        Path cache;

        @Option(names = "--force", description = "Install even if the cache already holds CIFAR-10.")
        boolean force;

        @Option(names = "--md5", paramLabel = "HEX", converter = Md5Hex.class, description = "Expected MD5 (default: the official one).")
        String md5;

        @Override
        public Integer call() {
            DatasetDownloader d = new DatasetDownloader(file.toAbsolutePath().toUri(),
                    md5 != null ? md5 : DatasetDownloader.CIFAR10_MD5,
                    cache != null ? cache : DatasetDownloader.defaultCache(), Streams.of(spec.commandLine().getErr()));
            Path dir = d.fetch(force);
            spec.commandLine().getOut().println(dir);
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
    }
}
