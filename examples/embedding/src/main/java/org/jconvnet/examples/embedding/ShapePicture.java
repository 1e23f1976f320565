package org.jconvnet.examples.embedding;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * The picture the example classifies, drawn at run time so that the example ships no image: a red
 * filled disc on a dark grey ground, 32x32 like a CIFAR image. The embedded training set's first
 * class ({@code disc}) is a disc in a red-ish colour on a noisy ground, so a net trained on it for
 * long enough calls this one a disc; after the example's few steps any class may win.
 */
public final class ShapePicture {
    /** Width and height in pixels, as a CIFAR image. */
    public static final int SIZE = 32;

    private ShapePicture() {
    }

    /**
     * Draws the disc and writes it as a PNG.
     *
     * @param file where to write it; its folder must exist
     * @return {@code file}
     */
    public static Path writeRedDisc(Path file) {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(60, 60, 64));
            g.fillRect(0, 0, SIZE, SIZE);
            g.setColor(new Color(220, 40, 30));
            g.fillOval(7, 7, 18, 18);
        } finally {
            g.dispose();
        }
        try {
            if (!ImageIO.write(image, "png", file.toFile())) {
                throw new IllegalStateException("this JVM has no PNG writer");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
