package io.camelinference.emulator.deepomatic;

/**
 * The colour a pixel is seen as, from its hue, saturation and brightness. Both image models build on it: the
 * classifier counts pixels per colour, the detector groups neighbouring pixels of one saturated colour into regions.
 */
enum ColorClass {
    BLACK, WHITE, GRAY, RED, YELLOW, GREEN, BLUE, PURPLE;

    /** The label name the models use, e.g. {@code red}. */
    String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** True for the colours the detector looks for (not black, white or gray). */
    boolean saturated() {
        return ordinal() >= RED.ordinal();
    }

    static ColorClass of(int rgb) {
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        int max = Math.max(r, Math.max(g, b));
        int min = Math.min(r, Math.min(g, b));
        double value = max / 255.0;
        double saturation = max == 0 ? 0 : (max - min) / (double) max;
        if (value < 0.2) {
            return BLACK;
        }
        if (saturation < 0.25) {
            return value > 0.8 ? WHITE : GRAY;
        }
        double hue = hue(r, g, b, max, min);
        if (hue < 25 || hue >= 330) {
            return RED;
        }
        if (hue < 75) {
            return YELLOW;
        }
        if (hue < 165) {
            return GREEN;
        }
        if (hue < 260) {
            return BLUE;
        }
        return PURPLE;
    }

    private static double hue(int r, int g, int b, int max, int min) {
        double d = max - min;
        if (d == 0) {
            return 0;
        }
        double h;
        if (max == r) {
            h = ((g - b) / d) % 6;
        } else if (max == g) {
            h = (b - r) / d + 2;
        } else {
            h = (r - g) / d + 4;
        }
        h *= 60;
        return h < 0 ? h + 360 : h;
    }
}
