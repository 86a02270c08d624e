package io.camelinference.emulator.models;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The models trained from the data shipped in this module, trained once per JVM on first use (deterministically), and
 * shareable between providers.
 */
public final class BuiltinModels {

    private static volatile LogisticRegression heart;
    private static volatile NaiveBayes sentiment;

    private BuiltinModels() {
    }

    /** Logistic regression of heart-disease risk on {@code Age} and {@code Chol} (heart.csv). */
    public static LogisticRegression heartRisk() {
        LogisticRegression m = heart;
        if (m == null) {
            synchronized (BuiltinModels.class) {
                if (heart == null) {
                    List<String[]> rows = rows("heart.csv", ",");
                    double[][] x = new double[rows.size() - 1][];
                    int[] y = new int[rows.size() - 1];
                    for (int i = 1; i < rows.size(); i++) { // row 0 is the header
                        String[] r = rows.get(i);
                        x[i - 1] = new double[] {Double.parseDouble(r[0]), Double.parseDouble(r[1])};
                        y[i - 1] = Integer.parseInt(r[2].trim());
                    }
                    heart = LogisticRegression.train(x, y, 3000, 0.1, 0.001);
                }
                m = heart;
            }
        }
        return m;
    }

    /** Naive Bayes sentiment classifier: positive / negative / neutral (sentiment.tsv). */
    public static NaiveBayes sentiment() {
        NaiveBayes m = sentiment;
        if (m == null) {
            synchronized (BuiltinModels.class) {
                if (sentiment == null) {
                    NaiveBayes nb = new NaiveBayes();
                    for (String[] r : rows("sentiment.tsv", "\t")) {
                        nb.add(r[0].trim(), r[1]);
                    }
                    sentiment = nb;
                }
                m = sentiment;
            }
        }
        return m;
    }

    /** Non-blank, non-comment lines of a shipped resource, split by the separator. */
    static List<String[]> rows(String resource, String separator) {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = BuiltinModels.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing model resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                out.add(line.split(separator, -1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
