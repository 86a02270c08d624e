package io.camelinference.emulator.deepomatic;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * An image decoded with ImageIO and sampled onto a grid of at most {@value #MAX_SIDE} pixels a side, optionally
 * cropped to a relative box first. The models read colours from this grid, so their cost does not grow with the size
 * of the upload.
 */
final class Raster {

    static final int MAX_SIDE = 192;
    /** Larger images are refused before decoding, so one upload cannot exhaust the emulator's heap. */
    static final long MAX_PIXELS = 25_000_000L;

    final int width;
    final int height;
    final ColorClass[] classes;

    private Raster(int width, int height, ColorClass[] classes) {
        this.width = width;
        this.height = height;
        this.classes = classes;
    }

    ColorClass at(int x, int y) {
        return classes[y * width + x];
    }

    /**
     * Decodes the bytes and samples the region {@code box} (relative xmin, ymin, xmax, ymax; null for the whole image).
     *
     * @throws IllegalArgumentException when the bytes are not an image ImageIO can read, or it is too large
     */
    static Raster decode(byte[] data, double[] box) {
        BufferedImage image;
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(data))) {
            Iterator<ImageReader> readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) {
                throw new IllegalArgumentException("the data is not an image in a supported format (PNG, JPEG, GIF,"
                        + " BMP); it starts with " + preview(data));
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > MAX_PIXELS) {
                    throw new IllegalArgumentException("the image has " + pixels + " pixels; the emulator accepts at"
                            + " most " + MAX_PIXELS);
                }
                image = reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("the image could not be decoded: " + e.getMessage(), e);
        }
        int x0 = 0;
        int y0 = 0;
        int x1 = image.getWidth();
        int y1 = image.getHeight();
        if (box != null) {
            x0 = (int) Math.floor(box[0] * image.getWidth());
            y0 = (int) Math.floor(box[1] * image.getHeight());
            x1 = Math.max(x0 + 1, (int) Math.ceil(box[2] * image.getWidth()));
            y1 = Math.max(y0 + 1, (int) Math.ceil(box[3] * image.getHeight()));
            x1 = Math.min(x1, image.getWidth());
            y1 = Math.min(y1, image.getHeight());
        }
        int srcW = x1 - x0;
        int srcH = y1 - y0;
        double scale = Math.min(1.0, MAX_SIDE / (double) Math.max(srcW, srcH));
        int w = Math.max(1, (int) Math.round(srcW * scale));
        int h = Math.max(1, (int) Math.round(srcH * scale));
        ColorClass[] classes = new ColorClass[w * h];
        for (int y = 0; y < h; y++) {
            int sy = y0 + Math.min(srcH - 1, (int) ((y + 0.5) * srcH / h));
            for (int x = 0; x < w; x++) {
                int sx = x0 + Math.min(srcW - 1, (int) ((x + 0.5) * srcW / w));
                classes[y * w + x] = ColorClass.of(image.getRGB(sx, sy));
            }
        }
        return new Raster(w, h, classes);
    }

    private static String preview(byte[] data) {
        StringBuilder s = new StringBuilder("\"");
        for (int i = 0; i < Math.min(12, data.length); i++) {
            char c = (char) (data[i] & 0xff);
            s.append(c >= 32 && c < 127 ? c : '.');
        }
        return s.append('"').toString() + " (" + data.length + " bytes)";
    }
}
