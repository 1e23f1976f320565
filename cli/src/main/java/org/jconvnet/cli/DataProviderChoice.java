package org.jconvnet.cli;

import java.util.Arrays;
import org.jconvnet.api.layer.DataDims;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * cuda-convnet's {@code --data-provider} values and the image size each gives the data layer:
 * {@code cifar} serves 32x32 images, {@code cifar-cropped} 24x24 crops (border 4).
 */
public enum DataProviderChoice {
    /** Whole 32x32 CIFAR-10 images: 3072 values per case. */
    CIFAR("cifar", 32),
    /** 24x24 crops of CIFAR-10 images: 1728 values per case. */
    CIFAR_CROPPED("cifar-cropped", 24);

    private final String cliName;
    private final int imageSize;

    DataProviderChoice(String cliName, int imageSize) {
        this.cliName = cliName;
        this.imageSize = imageSize;
    }

    /** The name used on the command line. */
    public String cliName() {
        return cliName;
    }

    /** Side of the square images the provider serves. */
    public int imageSize() {
        return imageSize;
    }

    /** The dims of each data matrix, for building a net. */
    public DataDims dims() {
        return DataDims.cifar(imageSize);
    }

    @Override
    public String toString() {
        return cliName;
    }

    /** Parses {@code cifar} / {@code cifar-cropped} for picocli, naming the choices when wrong. */
    public static final class Converter implements ITypeConverter<DataProviderChoice> {
        @Override
        public DataProviderChoice convert(String value) {
            return Arrays.stream(values()).filter(v -> v.cliName.equals(value)).findFirst()
                    .orElseThrow(() -> new TypeConversionException("unknown data provider '" + value
                            + "'; known: cifar, cifar-cropped"));
        }
    }

    /** The choices, for picocli's help. */
    public static final class Names implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return Arrays.stream(values()).map(DataProviderChoice::cliName).iterator();
        }
    }
}
