package org.jconvnet.train.facade;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import javax.imageio.ImageIO;
import org.jconvnet.api.JConvNetException;

/**
 * One 32x32 RGB image as a CIFAR-10 net takes it, held as the 3072 bytes of a CIFAR-10 record
 * (planar: 1024 red, 1024 green, 1024 blue values, each plane row-major). The net's data mean
 * subtraction and crop are applied when it is predicted on, never here.
 *
 * <p>Images of another size are refused with an {@link InvalidImageException} rather than resized:
 * a resize changes the pixel statistics the net was trained on, and the choice of filter belongs to
 * the caller (scale it to 32x32 first, e.g. with {@link java.awt.Graphics2D#drawImage}).
 */
public final class ImageInput {
    /** Side of the images a CIFAR-10 net takes. */
    public static final int SIZE = 32;
    /** Bytes of one image: 3 planes of 32x32. */
    public static final int BYTES = 3 * SIZE * SIZE;

    private final byte[] planar;
    private final String name;

    private ImageInput(byte[] planar, String name) {
        this.planar = planar;
        this.name = name;
    }

    /**
     * An image from a CIFAR-10 binary record: 3072 planar RGB bytes, or 3073 bytes when the record
     * still starts with its label byte (which is skipped). The array is copied.
     *
     * @param record the record
     * @return the image, named "a CIFAR-10 record"
     * @throws InvalidImageException when the record has another length
     */
    public static ImageInput cifar(byte[] record) {
        Objects.requireNonNull(record, "record");
        if (record.length == BYTES + 1) {
            return new ImageInput(java.util.Arrays.copyOfRange(record, 1, record.length), "a CIFAR-10 record");
        }
        if (record.length != BYTES) {
            throw new InvalidImageException("a CIFAR-10 record has " + BYTES + " pixel bytes (planar RGB, 32x32), or "
                    + (BYTES + 1) + " with its label byte first; got " + record.length + " bytes");
        }
        return new ImageInput(record.clone(), "a CIFAR-10 record");
    }

    /**
     * An image from raw interleaved bytes, height x width x 3 (R, G, B per pixel, rows top to
     * bottom), as most image libraries hold decoded pixels.
     *
     * @param rgb    {@code height*width*3} bytes
     * @param height rows; must be 32
     * @param width  columns; must be 32
     * @return the image
     * @throws InvalidImageException when the size is not 32x32 or the array does not hold it
     */
    public static ImageInput hwc(byte[] rgb, int height, int width) {
        Objects.requireNonNull(rgb, "rgb");
        String what = "HWC bytes (" + height + "x" + width + "x3)";
        requireSize(what, width, height);
        if (rgb.length != BYTES) {
            throw new InvalidImageException(what + ": expected " + BYTES + " bytes, got " + rgb.length);
        }
        byte[] planar = new byte[BYTES];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                for (int c = 0; c < 3; c++) {
                    planar[(c * SIZE + y) * SIZE + x] = rgb[(y * SIZE + x) * 3 + c];
                }
            }
        }
        return new ImageInput(planar, what);
    }

    /**
     * An image from a {@link BufferedImage} of any type: its sRGB colours
     * ({@link BufferedImage#getRGB(int, int)}), alpha ignored.
     *
     * @param image a 32x32 image
     * @return the image
     * @throws InvalidImageException when the image is not 32x32
     */
    public static ImageInput of(BufferedImage image) {
        return of(image, "the image");
    }

    private static ImageInput of(BufferedImage image, String name) {
        Objects.requireNonNull(image, "image");
        requireSize(name, image.getWidth(), image.getHeight());
        byte[] planar = new byte[BYTES];
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                int argb = image.getRGB(x, y);
                planar[y * SIZE + x] = (byte) (argb >> 16);
                planar[(SIZE + y) * SIZE + x] = (byte) (argb >> 8);
                planar[(2 * SIZE + y) * SIZE + x] = (byte) argb;
            }
        }
        return new ImageInput(planar, name);
    }

    /**
     * An image read from a file with {@link ImageIO} (PNG, JPEG, BMP, GIF).
     *
     * @param file the image file; it must be 32x32
     * @return the image, named by its file
     * @throws InvalidImageException when the file is no image ImageIO can read, or not 32x32
     * @throws JConvNetException when the file cannot be read
     */
    public static ImageInput read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidImageException(file + ": " + (Files.exists(file) ? "is not a file" : "no such file"));
        }
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new JConvNetException("cannot read the image " + file + ": " + e.getMessage(), e);
        }
        if (image == null) {
            throw new InvalidImageException(file + ": not an image this Java can read (PNG, JPEG, BMP or GIF)");
        }
        return of(image, file.toString());
    }

    private static void requireSize(String what, int width, int height) {
        if (width != SIZE || height != SIZE) {
            throw new InvalidImageException(what + " is " + width + "x" + height + " pixels; the net takes " + SIZE
                    + "x" + SIZE + " CIFAR-10 images (scale it to " + SIZE + "x" + SIZE + " first)");
        }
    }

    /**
     * The pixels as a CIFAR-10 record holds them.
     *
     * @return a copy of the 3072 planar RGB bytes
     */
    public byte[] planarBytes() {
        return planar.clone();
    }

    /** The pixels without a copy, for this package. */
    byte[] planar() {
        return planar;
    }

    /**
     * What the image was made from, for messages.
     *
     * @return the file name, or a description of the source
     */
    public String name() {
        return name;
    }

    @Override
    public String toString() {
        return "ImageInput[" + name + "]";
    }
}
