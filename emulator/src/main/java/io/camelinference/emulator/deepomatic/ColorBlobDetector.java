package io.camelinference.emulator.deepomatic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A detector of coloured regions: neighbouring pixels of one saturated colour (red, yellow, green, blue, purple) form
 * a region, boxed in relative coordinates. The score grows with how well the region fills its box and with its size,
 * so solid shapes are predicted and specks or sprawling outlines are discarded.
 */
final class ColorBlobDetector implements ImageModel {

    static final double THRESHOLD = 0.6;
    /** Regions smaller than this share of the image are noise and not reported at all. */
    static final double MIN_AREA = 0.002;
    static final int MAX_REGIONS = 100;

    @Override
    public List<String> labels() {
        List<String> out = new ArrayList<>();
        for (ColorClass c : ColorClass.values()) {
            if (c.saturated()) {
                out.add(c.label());
            }
        }
        return out;
    }

    @Override
    public boolean detector() {
        return true;
    }

    @Override
    public List<Scored> run(Raster image) {
        int w = image.width;
        int h = image.height;
        boolean[] seen = new boolean[w * h];
        int[] stack = new int[w * h];
        List<Scored> out = new ArrayList<>();
        for (int start = 0; start < w * h; start++) {
            ColorClass colour = image.classes[start];
            if (seen[start] || colour == null || !colour.saturated()) {
                continue;
            }
            // flood fill, 4-connected, iterative
            int top = 0;
            stack[top++] = start;
            seen[start] = true;
            int count = 0;
            int minX = w;
            int minY = h;
            int maxX = -1;
            int maxY = -1;
            while (top > 0) {
                int p = stack[--top];
                int x = p % w;
                int y = p / w;
                count++;
                minX = Math.min(minX, x);
                maxX = Math.max(maxX, x);
                minY = Math.min(minY, y);
                maxY = Math.max(maxY, y);
                if (x > 0) {
                    top = push(image, seen, stack, top, p - 1, colour);
                }
                if (x < w - 1) {
                    top = push(image, seen, stack, top, p + 1, colour);
                }
                if (y > 0) {
                    top = push(image, seen, stack, top, p - w, colour);
                }
                if (y < h - 1) {
                    top = push(image, seen, stack, top, p + w, colour);
                }
            }
            double area = count / (double) (w * h);
            if (area < MIN_AREA) {
                continue;
            }
            double fill = count / (double) ((maxX - minX + 1) * (maxY - minY + 1));
            double score = DominantColorModel.round(0.55 * fill + 0.45 * Math.min(1.0, area / 0.02));
            double[] box = {
                DominantColorModel.round(minX / (double) w), DominantColorModel.round(minY / (double) h),
                DominantColorModel.round((maxX + 1) / (double) w), DominantColorModel.round((maxY + 1) / (double) h)
            };
            out.add(new Scored(colour.label(), score, THRESHOLD, box));
        }
        out.sort(Comparator.comparingDouble(Scored::score).reversed()
                .thenComparingDouble(s -> s.box()[1]).thenComparingDouble(s -> s.box()[0]));
        return out.size() > MAX_REGIONS ? new ArrayList<>(out.subList(0, MAX_REGIONS)) : out;
    }

    private static int push(Raster image, boolean[] seen, int[] stack, int top, int p, ColorClass colour) {
        if (!seen[p] && image.classes[p] == colour) {
            seen[p] = true;
            stack[top++] = p;
        }
        return top;
    }
}
