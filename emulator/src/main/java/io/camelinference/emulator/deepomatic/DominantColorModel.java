package io.camelinference.emulator.deepomatic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An exclusive classifier: which colour covers most of the image. Each label's score is its share of the pixels
 * (smoothed so that scores sum to 1); a label is predicted when its share reaches {@value #THRESHOLD}, so a
 * patchwork with no dominant colour predicts nothing.
 */
final class DominantColorModel implements ImageModel {

    static final double THRESHOLD = 0.4;
    private static final double SMOOTHING = 0.01;

    @Override
    public List<String> labels() {
        List<String> out = new ArrayList<>();
        for (ColorClass c : ColorClass.values()) {
            out.add(c.label());
        }
        return out;
    }

    @Override
    public boolean detector() {
        return false;
    }

    @Override
    public List<Scored> run(Raster image) {
        ColorClass[] values = ColorClass.values();
        long[] counts = new long[values.length];
        long pixels = 0;
        for (ColorClass c : image.classes) {
            // pixels outside a polygon crop are not part of the image
            if (c != null) {
                counts[c.ordinal()]++;
                pixels++;
            }
        }
        double total = pixels + SMOOTHING * values.length * pixels;
        List<Scored> out = new ArrayList<>();
        for (ColorClass c : values) {
            double share = (counts[c.ordinal()] + SMOOTHING * pixels) / total;
            out.add(new Scored(c.label(), round(share), THRESHOLD, null));
        }
        out.sort(Comparator.comparingDouble(Scored::score).reversed());
        // exclusive: at most the top label is predicted
        for (int i = 1; i < out.size(); i++) {
            Scored s = out.get(i);
            if (s.predicted()) {
                out.set(i, new Scored(s.label(), s.score(), Math.nextUp(s.score()), null));
            }
        }
        return out;
    }

    static double round(double v) {
        return Math.round(v * 10_000.0) / 10_000.0;
    }
}
