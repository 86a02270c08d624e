package io.camelinference.emulator.models;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.camelinference.emulator.internal.PathGlob;

class ModelsTest {

    @Test
    void heartModelFitsItsTrainingData() {
        LogisticRegression m = BuiltinModels.heartRisk();
        double[][] x = new double[BuiltinModels.rows("heart.csv", ",").size() - 1][];
        int[] y = new int[x.length];
        var rows = BuiltinModels.rows("heart.csv", ",");
        for (int i = 1; i < rows.size(); i++) {
            x[i - 1] = new double[] {Double.parseDouble(rows.get(i)[0]), Double.parseDouble(rows.get(i)[1])};
            y[i - 1] = Integer.parseInt(rows.get(i)[2]);
        }
        assertThat(m.accuracy(x, y)).isGreaterThan(0.75);
        assertThat(m.probability(75, 340)).isGreaterThan(m.probability(75, 180));
        assertThat(m.probability(75, 250)).isGreaterThan(m.probability(35, 250));
    }

    @Test
    void naiveBayesSentiment() {
        NaiveBayes nb = BuiltinModels.sentiment();
        assertThat(nb.labels()).containsExactlyInAnyOrder("positive", "negative", "neutral");
        assertThat(nb.classify("wonderful, excellent, I love it").label()).isEqualTo("positive");
        assertThat(nb.classify("awful, broken and rude").label()).isEqualTo("negative");
        NaiveBayes.Prediction p = nb.classify("the form is on the second floor");
        assertThat(p.label()).isEqualTo("neutral");
        assertThat(p.posteriors().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void textStatsStreams() throws Exception {
        String t = "Hello world! Hello again, world.\nno newline at end";
        TextStats.Report r = TextStats.analyze(new ByteArrayInputStream(t.getBytes(StandardCharsets.UTF_8)), 3);
        assertThat(r.bytes()).isEqualTo(t.length());
        assertThat(r.lines()).isEqualTo(2);
        assertThat(r.words()).isEqualTo(9);
        assertThat(r.firstSentence()).isEqualTo("Hello world!");
        assertThat(r.topWords().get(0).getKey()).isEqualTo("hello");
        assertThat(r.topWords().get(0).getValue()).isEqualTo(2L);
        assertThat(TextStats.analyze(new ByteArrayInputStream(new byte[0]), 3).lines()).isZero();
    }

    @Test
    void pathGlob() {
        assertThat(new PathGlob("/api/predict/*").matches("/api/predict/heart-risk")).isTrue();
        assertThat(new PathGlob("/api/predict/*").matches("/api/predict/a/b")).isFalse();
        assertThat(new PathGlob("/api/**").matches("/api/predict/a/b")).isTrue();
        assertThat(new PathGlob("/api/predict/status/*").matches("/api/predict/heart-risk")).isFalse();
    }
}
