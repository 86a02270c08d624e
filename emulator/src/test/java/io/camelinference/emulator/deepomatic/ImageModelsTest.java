package io.camelinference.emulator.deepomatic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

class ImageModelsTest {

    static List<Scored> classify(byte[] image) {
        return new DominantColorModel().run(Raster.decode(image, null));
    }

    @Test
    void jpegIsDecodedAndClassifiedLikeThePng() throws Exception {
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(SampleImages.blueSky(), "jpg", jpeg);
        Scored top = classify(jpeg.toByteArray()).get(0);
        assertThat(top.label()).isEqualTo("blue");
        assertThat(top.predicted()).isTrue();
        assertThat(classify(SampleImages.get("blue-sky.png")).get(0).label()).isEqualTo("blue");
    }

    @Test
    void exclusiveClassifierPredictsAtMostOneLabelAndScoresSumToOne() {
        for (byte[] image : SampleImages.all().values()) {
            List<Scored> scores = classify(image);
            assertThat(scores.stream().filter(Scored::predicted).count()).isLessThanOrEqualTo(1);
            assertThat(scores.stream().mapToDouble(Scored::score).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.01));
        }
        assertThat(classify(SampleImages.get("gray-static.png")).get(0).label()).isEqualTo("gray");
    }

    @Test
    void detectorIgnoresSpecksAndFindsSolidRegions() {
        List<Scored> specks = new ColorBlobDetector().run(Raster.decode(SampleImages.get("gray-static.png"), null));
        assertThat(specks.stream().filter(Scored::predicted)).isEmpty();
        List<Scored> apple = new ColorBlobDetector().run(Raster.decode(SampleImages.get("red-apple.png"), null));
        assertThat(apple.get(0).label()).isEqualTo("red");
        assertThat(apple.get(0).box()[0]).isBetween(0.0, 0.1);
        assertThat(apple.get(0).box()[2]).isBetween(0.9, 1.0);
    }

    @Test
    void nonImagesAreRefusedWithWhatTheyStartWith() {
        assertThatThrownBy(() -> Raster.decode("%PDF-1.4 hello".getBytes(StandardCharsets.UTF_8), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not an image").hasMessageContaining("%PDF");
    }

    /** A diamond around the traffic light's middle (yellow) disc, clear of the red and green ones. */
    static final double[][] DIAMOND = {{0.5, 0.32}, {1, 0.5}, {0.5, 0.68}, {0, 0.5}};

    @Test
    void aPolygonLeavesOutThePixelsOutsideIt() {
        Raster raster = Raster.decode(SampleImages.get("traffic-light.png"), null, DIAMOND, false);
        List<Scored> regions = new ColorBlobDetector().run(raster);
        assertThat(regions.stream().filter(Scored::predicted).map(Scored::label)).containsExactly("yellow");
        assertThat(raster.at(0, 0)).as("the corner lies outside the diamond").isNull();
        // only the pixels inside count: the disc covers most of the diamond, so yellow dominates
        Scored top = new DominantColorModel().run(raster).get(0);
        assertThat(top.label()).isEqualTo("yellow");
        assertThat(top.predicted()).isTrue();
        assertThat(new DominantColorModel().run(raster).stream().mapToDouble(Scored::score).sum())
                .isCloseTo(1.0, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void aPolygonOutsideTheBoxOrCoveringNoPixelIsRefused() {
        double[][] topLeft = {{0, 0}, {0.2, 0}, {0, 0.2}};
        assertThatThrownBy(() -> Raster.decode(SampleImages.get("traffic-light.png"), new double[] {0.5, 0.5, 1, 1},
                topLeft, false)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside the bbox");
        double[][] flat = {{0.1, 0.5}, {0.5, 0.5}, {0.9, 0.5}};
        assertThatThrownBy(() -> Raster.decode(SampleImages.get("traffic-light.png"), null, flat, false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("covers no pixel");
    }

    @Test
    void cropUniformBackgroundCutsTheBorderOfTheCornersColour() {
        byte[] lights = SampleImages.get("traffic-light.png");
        Scored wide = new ColorBlobDetector().run(Raster.decode(lights, null, null, false)).get(0);
        Scored cropped = new ColorBlobDetector().run(Raster.decode(lights, null, null, true)).get(0);
        // the discs span 12..52 of 64 pixels: with the black border cut they span the whole width
        assertThat(wide.box()[0]).isGreaterThan(0.15);
        assertThat(cropped.box()[0]).isLessThan(0.03);
        assertThat(cropped.box()[2]).isGreaterThan(0.97);
        // an image of one colour has no object to cut the background from: it stays whole
        java.awt.image.BufferedImage plain = new java.awt.image.BufferedImage(40, 30,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        Raster whole = Raster.decode(SampleImages.png(plain), null, null, true);
        assertThat(whole.width).isEqualTo(40);
        assertThat(whole.height).isEqualTo(30);
    }
}
