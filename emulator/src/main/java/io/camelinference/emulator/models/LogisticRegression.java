package io.camelinference.emulator.models;

/**
 * Binary logistic regression on standardised features, trained by full-batch gradient descent with a fixed number of
 * iterations from zero weights, so training is deterministic.
 */
public final class LogisticRegression {

    private final double[] mean;
    private final double[] scale;
    private final double[] weights;
    private double bias;

    private LogisticRegression(int features) {
        mean = new double[features];
        scale = new double[features];
        weights = new double[features];
    }

    public static LogisticRegression train(double[][] x, int[] y, int iterations, double learningRate, double l2) {
        if (x.length == 0 || x.length != y.length) {
            throw new IllegalArgumentException("need as many labels as rows, and at least one row");
        }
        int n = x.length;
        int d = x[0].length;
        LogisticRegression m = new LogisticRegression(d);
        for (int j = 0; j < d; j++) {
            double s = 0;
            for (double[] row : x) {
                s += row[j];
            }
            m.mean[j] = s / n;
            double v = 0;
            for (double[] row : x) {
                v += (row[j] - m.mean[j]) * (row[j] - m.mean[j]);
            }
            m.scale[j] = Math.sqrt(v / n);
            if (m.scale[j] == 0) {
                m.scale[j] = 1;
            }
        }
        double[][] z = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                z[i][j] = (x[i][j] - m.mean[j]) / m.scale[j];
            }
        }
        for (int it = 0; it < iterations; it++) {
            double[] grad = new double[d];
            double gb = 0;
            for (int i = 0; i < n; i++) {
                double err = m.probabilityStandardised(z[i]) - y[i];
                for (int j = 0; j < d; j++) {
                    grad[j] += err * z[i][j];
                }
                gb += err;
            }
            for (int j = 0; j < d; j++) {
                m.weights[j] -= learningRate * (grad[j] / n + l2 * m.weights[j]);
            }
            m.bias -= learningRate * gb / n;
        }
        return m;
    }

    /** P(label = 1 | features). */
    public double probability(double... features) {
        double[] z = new double[features.length];
        for (int j = 0; j < features.length; j++) {
            z[j] = (features[j] - mean[j]) / scale[j];
        }
        return probabilityStandardised(z);
    }

    private double probabilityStandardised(double[] z) {
        double s = bias;
        for (int j = 0; j < z.length; j++) {
            s += weights[j] * z[j];
        }
        return 1.0 / (1.0 + Math.exp(-s));
    }

    /** Fraction of rows classified correctly at threshold 0.5. */
    public double accuracy(double[][] x, int[] y) {
        int ok = 0;
        for (int i = 0; i < x.length; i++) {
            if ((probability(x[i]) >= 0.5 ? 1 : 0) == y[i]) {
                ok++;
            }
        }
        return (double) ok / x.length;
    }
}
