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
}
