package org.jconvnet.train.show;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.jconvnet.api.JConvNetException;
import org.jconvnet.train.download.IoCauses;

/** Shared drawing helpers: headless canvases and PNG output. */
final class Png {
    private Png() {
    }

    /** A white canvas; forces headless AWT first so no display is ever needed. */
    static BufferedImage canvas(int w, int h) {
        System.setProperty("java.awt.headless", "true");
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    /** A graphics context with anti-aliased text and a small sans-serif font. */
    static Graphics2D graphics(BufferedImage img) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(Color.BLACK);
        return g;
    }

    /** Writes a PNG, creating parent directories. */
    static Path write(BufferedImage img, Path file) {
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            if (!ImageIO.write(img, "png", file.toFile())) {
                throw new JConvNetException("no PNG writer available for " + file);
            }
            return file;
        } catch (IOException e) {
            throw new JConvNetException("cannot write " + file + ": " + IoCauses.describe(e), e);
        }
    }

    /** Clamps a [0,1] value to an 8-bit channel. */
    static int channel(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v * 255)));
    }
}
