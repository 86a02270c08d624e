package io.camelinference.deepomatic.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A point of a polygon, in coordinates relative to the image size (0 to 1), origin top-left. */
public record DeepomaticPoint(double x, double y) {

    static final String FORMAT = "at least 3 relative points \"x,y;x,y;x,y\" (0 to 1, origin top-left)";

    /**
     * Parses {@code "x,y;x,y;x,y"}, or takes a List of points (DeepomaticPoint, or Maps with x and y).
     *
     * @throws IllegalArgumentException when it is not at least 3 points with coordinates between 0 and 1
     */
    public static List<DeepomaticPoint> polygon(Object value) {
        List<DeepomaticPoint> points = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object p : list) {
                points.add(point(p, value));
            }
        } else {
            String text = String.valueOf(value).strip();
            for (String pair : text.split(";")) {
                String[] xy = pair.split(",");
                if (xy.length != 2) {
                    throw new IllegalArgumentException("polygon must be " + FORMAT + ", got \"" + text + "\"");
                }
                try {
                    points.add(new DeepomaticPoint(Double.parseDouble(xy[0].strip()), Double.parseDouble(xy[1].strip())));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("polygon must be " + FORMAT + ", got \"" + text + "\"");
                }
            }
        }
        if (points.size() < 3) {
            throw new IllegalArgumentException("polygon must be " + FORMAT + "; got " + points.size() + " point(s)");
        }
        for (DeepomaticPoint p : points) {
            if (p.x < 0 || p.x > 1 || p.y < 0 || p.y > 1) {
                throw new IllegalArgumentException("polygon coordinates are relative to the image size and must be"
                        + " between 0 and 1, got (" + p.x + ", " + p.y + ")");
            }
        }
        return List.copyOf(points);
    }

    private static DeepomaticPoint point(Object p, Object whole) {
        if (p instanceof DeepomaticPoint point) {
            return point;
        }
        if (p instanceof Map<?, ?> m && m.get("x") instanceof Number x && m.get("y") instanceof Number y) {
            return new DeepomaticPoint(x.doubleValue(), y.doubleValue());
        }
        throw new IllegalArgumentException("polygon must be " + FORMAT + ", or a List of DeepomaticPoint or of Maps"
                + " with x and y; got " + whole);
    }
}
