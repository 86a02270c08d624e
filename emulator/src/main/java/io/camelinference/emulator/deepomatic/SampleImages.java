package io.camelinference.emulator.deepomatic;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.imageio.ImageIO;

/**
 * Small PNG images the emulator draws at start-up, pixel by pixel (no fonts, no AWT toolkit), and serves under
 * {@code /_emulator/deepomatic/images/{name}}: the only URLs its inference accepts as {@code image.source}.
 * <ul>
 * <li>{@code red-apple.png}: a red disc on white; dominant red, one red region.</li>
 * <li>{@code traffic-light.png}: red, yellow and green discs on black; dominant black, three regions.</li>
 * <li>{@code blue-sky.png}: blue sky with a yellow sun over a green field; dominant blue, three regions.</li>
 * <li>{@code gray-static.png}: gray with small scattered coloured specks; dominant gray, no predicted region.</li>
 * </ul>
 */
public final class SampleImages {

    private static final int WHITE = 0xffffff;
    private static final int BLACK = 0x101010;
    private static final int RED = 0xd62020;
    private static final int YELLOW = 0xf2d21c;
    private static final int GREEN = 0x2ca02c;
    private static final int BLUE = 0x1f5fd6;
    private static final int GRAY = 0x808080;

    private static volatile Map<String, byte[]> images;

    private SampleImages() {
    }

    /** Image name to PNG bytes, in a stable order. */
    public static Map<String, byte[]> all() {
        Map<String, byte[]> m = images;
        if (m == null) {
            synchronized (SampleImages.class) {
                if (images == null) {
                    images = Collections.unmodifiableMap(draw());
                }
                m = images;
            }
        }
        return m;
    }

    public static byte[] get(String name) {
        return all().get(name);
    }

    /** The drawings as images, for writing them in other formats (the example's samples). */
    public static Map<String, BufferedImage> drawings() {
        Map<String, BufferedImage> out = new LinkedHashMap<>();
        out.put("red-apple.png", redApple());
        out.put("traffic-light.png", trafficLight());
        out.put("blue-sky.png", blueSky());
        out.put("gray-static.png", grayStatic());
        return out;
    }

    private static Map<String, byte[]> draw() {
        Map<String, byte[]> out = new LinkedHashMap<>();
        drawings().forEach((name, image) -> out.put(name, png(image)));
        return out;
    }

    static BufferedImage redApple() {
        BufferedImage img = canvas(96, 96, WHITE);
        disc(img, 48, 52, 42, RED);
        rect(img, 46, 2, 50, 10, GREEN);
        return img;
    }

    static BufferedImage trafficLight() {
        BufferedImage img = canvas(64, 160, BLACK);
        disc(img, 32, 30, 20, RED);
        disc(img, 32, 80, 20, YELLOW);
        disc(img, 32, 130, 20, GREEN);
        return img;
    }

    static BufferedImage blueSky() {
        BufferedImage img = canvas(160, 120, BLUE);
        rect(img, 0, 84, 160, 120, GREEN);
        disc(img, 124, 30, 16, YELLOW);
        return img;
    }

    static BufferedImage grayStatic() {
        BufferedImage img = canvas(100, 100, GRAY);
        int[] colours = {RED, YELLOW, GREEN, BLUE};
        long seed = 7;
        for (int i = 0; i < 40; i++) {
            seed = seed * 6364136223846793005L + 1442695040888963407L;
            int x = (int) ((seed >>> 33) % 98);
            int y = (int) ((seed >>> 17) % 98);
            img.setRGB(x, y, colours[i % colours.length]);
        }
        return img;
    }

    private static BufferedImage canvas(int w, int h, int rgb) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        rect(img, 0, 0, w, h, rgb);
        return img;
    }

    private static void rect(BufferedImage img, int x0, int y0, int x1, int y1, int rgb) {
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                img.setRGB(x, y, rgb);
            }
        }
    }

    private static void disc(BufferedImage img, int cx, int cy, int r, int rgb) {
        for (int y = Math.max(0, cy - r); y <= Math.min(img.getHeight() - 1, cy + r); y++) {
            for (int x = Math.max(0, cx - r); x <= Math.min(img.getWidth() - 1, cx + r); x++) {
                int dx = x - cx;
                int dy = y - cy;
                if (dx * dx + dy * dy <= r * r) {
                    img.setRGB(x, y, rgb);
                }
            }
        }
    }

    static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
