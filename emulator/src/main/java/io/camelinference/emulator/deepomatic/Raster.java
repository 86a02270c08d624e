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
 * cropped to a relative box, a polygon (pixels outside it are null: the models skip them) and without its uniform
 * background first. The models read colours from this grid, so their cost does not grow with the size of the upload.
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

    /** The colour at a grid point, or null outside the polygon the image was cropped to. */
    ColorClass at(int x, int y) {
        return classes[y * width + x];
    }

    /** As {@link #decode(byte[], double[], double[][], boolean)} with no polygon and the background kept. */
    static Raster decode(byte[] data, double[] box) {
        return decode(data, box, null, false);
    }

    /**
     * Decodes the bytes and samples a region: the bounding box {@code box} (relative xmin, ymin, xmax, ymax; null for
     * the whole image), narrowed to the bounding box of {@code polygon} (relative points x, y; null for none), whose
     * outside pixels are left out (null in {@link #classes}); with {@code cropUniformBackground}, the rows and columns at
     * the region's edges that are all the colour of its top-left corner are cut off first.
     *
     * @throws IllegalArgumentException when the bytes are not an image ImageIO can read, it is too large, or the polygon
     *                                  covers no pixel of the region
     */
    static Raster decode(byte[] data, double[] box, double[][] polygon, boolean cropUniformBackground) {
        BufferedImage image = read(data);
        int iw = image.getWidth();
        int ih = image.getHeight();
        double[] region = box != null ? box.clone() : new double[] {0, 0, 1, 1};
        if (polygon != null) {
            double[] bounds = {1, 1, 0, 0};
            for (double[] p : polygon) {
                bounds[0] = Math.min(bounds[0], p[0]);
                bounds[1] = Math.min(bounds[1], p[1]);
                bounds[2] = Math.max(bounds[2], p[0]);
                bounds[3] = Math.max(bounds[3], p[1]);
            }
            region = new double[] {Math.max(region[0], bounds[0]), Math.max(region[1], bounds[1]),
                Math.min(region[2], bounds[2]), Math.min(region[3], bounds[3])};
        }
        int x0 = (int) Math.floor(region[0] * iw);
        int y0 = (int) Math.floor(region[1] * ih);
        int x1 = Math.min(iw, Math.max(x0 + 1, (int) Math.ceil(region[2] * iw)));
        int y1 = Math.min(ih, Math.max(y0 + 1, (int) Math.ceil(region[3] * ih)));
        if (x0 >= iw || y0 >= ih || region[0] >= region[2] || region[1] >= region[3]) {
            throw new IllegalArgumentException("inputs[0].image.polygon: " + (box != null && flatness(polygon) > 0
                    ? "the polygon lies outside the bbox; nothing is left to recognise."
                    : "the polygon covers no pixel of the image."));
        }
        int[] r = {x0, y0, x1, y1};
        if (cropUniformBackground) {
            r = trimUniform(image, r);
        }
        int srcW = r[2] - r[0];
        int srcH = r[3] - r[1];
        double scale = Math.min(1.0, MAX_SIDE / (double) Math.max(srcW, srcH));
        int w = Math.max(1, (int) Math.round(srcW * scale));
        int h = Math.max(1, (int) Math.round(srcH * scale));
        ColorClass[] classes = new ColorClass[w * h];
        boolean any = false;
        for (int y = 0; y < h; y++) {
            int sy = r[1] + Math.min(srcH - 1, (int) ((y + 0.5) * srcH / h));
            for (int x = 0; x < w; x++) {
                int sx = r[0] + Math.min(srcW - 1, (int) ((x + 0.5) * srcW / w));
                if (polygon == null || inside(polygon, (sx + 0.5) / iw, (sy + 0.5) / ih)) {
                    classes[y * w + x] = ColorClass.of(image.getRGB(sx, sy));
                    any = true;
                }
            }
        }
        if (!any) {
            throw new IllegalArgumentException("inputs[0].image.polygon: the polygon covers no pixel of the image.");
        }
        return new Raster(w, h, classes);
    }

    private static BufferedImage read(byte[] data) {
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
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("the image could not be decoded: " + e.getMessage(), e);
        }
    }

    /**
     * The region {x0, y0, x1, y1} without its edge rows and columns of the top-left corner's colour alone; a region
     * all of one colour has nothing to cut the background from and stays whole.
     */
    private static int[] trimUniform(BufferedImage image, int[] r) {
        ColorClass background = ColorClass.of(image.getRGB(r[0], r[1]));
        boolean uniform = true;
        for (int y = r[1]; y < r[3] && uniform; y++) {
            uniform = uniformRow(image, y, r[0], r[2], background);
        }
        if (uniform) {
            return r;
        }
        int x0 = r[0];
        int y0 = r[1];
        int x1 = r[2];
        int y1 = r[3];
        while (y0 < y1 - 1 && uniformRow(image, y0, x0, x1, background)) {
            y0++;
        }
        while (y1 - 1 > y0 && uniformRow(image, y1 - 1, x0, x1, background)) {
            y1--;
        }
        while (x0 < x1 - 1 && uniformColumn(image, x0, y0, y1, background)) {
            x0++;
        }
        while (x1 - 1 > x0 && uniformColumn(image, x1 - 1, y0, y1, background)) {
            x1--;
        }
        return new int[] {x0, y0, x1, y1};
    }

    private static boolean uniformRow(BufferedImage image, int y, int x0, int x1, ColorClass background) {
        for (int x = x0; x < x1; x++) {
            if (ColorClass.of(image.getRGB(x, y)) != background) {
                return false;
            }
        }
        return true;
    }

    private static boolean uniformColumn(BufferedImage image, int x, int y0, int y1, ColorClass background) {
        for (int y = y0; y < y1; y++) {
            if (ColorClass.of(image.getRGB(x, y)) != background) {
                return false;
            }
        }
        return true;
    }

    /** The area of the polygon's bounding box (0 for points on a line). */
    private static double flatness(double[][] polygon) {
        double minX = 1;
        double minY = 1;
        double maxX = 0;
        double maxY = 0;
        for (double[] p : polygon) {
            minX = Math.min(minX, p[0]);
            minY = Math.min(minY, p[1]);
            maxX = Math.max(maxX, p[0]);
            maxY = Math.max(maxY, p[1]);
        }
        return Math.max(0, maxX - minX) * Math.max(0, maxY - minY);
    }

    /** Whether the point lies inside the polygon (even-odd rule). */
    static boolean inside(double[][] polygon, double x, double y) {
        boolean in = false;
        for (int i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
            double xi = polygon[i][0];
            double yi = polygon[i][1];
            double xj = polygon[j][0];
            double yj = polygon[j][1];
            if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) {
                in = !in;
            }
        }
        return in;
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
