package io.camelinference.deepomatic.model;

/** A box in coordinates relative to the image size (0 to 1), with (xmin, ymin) at the top-left. */
public record DeepomaticBox(double xmin, double ymin, double xmax, double ymax) {

    /**
     * Parses {@code "xmin,ymin,xmax,ymax"}.
     *
     * @throws IllegalArgumentException when it is not four numbers between 0 and 1 with min below max
     */
    public static DeepomaticBox parse(String text) {
        String[] parts = text.split(",");
        if (parts.length != 4) {
            throw new IllegalArgumentException("bbox must be four relative coordinates \"xmin,ymin,xmax,ymax\" (0 to"
                    + " 1), got \"" + text + "\"");
        }
        double[] v = new double[4];
        for (int i = 0; i < 4; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bbox must be four numbers \"xmin,ymin,xmax,ymax\", got \"" + text
                        + "\"");
            }
            if (v[i] < 0 || v[i] > 1) {
                throw new IllegalArgumentException("bbox coordinates are relative to the image size and must be"
                        + " between 0 and 1, got \"" + text + "\"");
            }
        }
        if (v[0] >= v[2] || v[1] >= v[3]) {
            throw new IllegalArgumentException("bbox needs xmin < xmax and ymin < ymax, got \"" + text + "\"");
        }
        return new DeepomaticBox(v[0], v[1], v[2], v[3]);
    }
}
