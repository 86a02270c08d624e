package io.camelinference.deepomatic;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import io.camelinference.common.error.InferenceApiException;
import io.camelinference.deepomatic.model.DeepomaticPoint;
import io.camelinference.deepomatic.model.DeepomaticPrediction;
import io.camelinference.deepomatic.model.DeepomaticResult;
import io.camelinference.deepomatic.model.DeepomaticTask;
import io.camelinference.emulator.EmulatorExtension;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class DeepomaticInferenceTest extends DeepomaticTestSupport {

    @RegisterExtension
    static EmulatorExtension emulator = EmulatorExtension.with(b -> b.slowModelMillis(300));

    @TempDir
    Path dir;

    @Override
    protected EmulatorExtension emulator() {
        return emulator;
    }

    private Exchange infer(String options, Object body) {
        return template.request("deepomatic:inference?" + options, e -> e.getMessage().setBody(body));
    }

    @Test
    void aFileIsUploadedAndTheClassifierResultComesBackTyped() throws Exception {
        File apple = sampleFile(dir, "red-apple.png").toFile();

        Exchange out = infer("specId=" + CLASSIFIER, apple);

        assertThat(out.getException()).isNull();
        DeepomaticResult result = out.getMessage().getBody(DeepomaticResult.class);
        assertThat(result.status()).isEqualTo("success");
        assertThat(result.image()).isEqualTo("red-apple.png");
        assertThat(result.specId()).isEqualTo(CLASSIFIER);
        assertThat(result.top().labelName()).isEqualTo("red");
        assertThat(result.top().score()).isGreaterThanOrEqualTo(result.top().threshold());
        assertThat(result.outputs().get(0).labels().discarded()).isEmpty();
        Exchange headers = out;
        assertThat(headers.getMessage().getHeader(DeepomaticConstants.TASK_ID, String.class)).isEqualTo(result.taskId());
        assertThat(headers.getMessage().getHeader(DeepomaticConstants.TASK_IDS, List.class)).containsExactly(result.taskId());
        assertThat(headers.getMessage().getHeader(DeepomaticConstants.SPEC_ID)).isEqualTo(CLASSIFIER);
        assertThat(headers.getMessage().getHeader(DeepomaticConstants.TASK_STATUS)).isEqualTo("success");
        assertThat(headers.getMessage().getHeader(DeepomaticConstants.TOP_LABEL)).isEqualTo("red");
        assertThat(headers.getMessage().getHeader(DeepomaticConstants.TOP_SCORE, Double.class)).isEqualTo(result.top().score());
        assertThat(headers.getMessage().getHeader(DeepomaticConstants.IMAGE_COUNT)).isEqualTo(1);
        // a string spec id is a public spec; one billed inference
        assertThat(calls(PUBLIC_INFERENCE)).isEqualTo(1);
        assertThat(billed()).isEqualTo(1);
    }

    @Test
    void pathBytesAndStreamBodiesReachTheDetectorAndComeBackWithBoxes() throws Exception {
        Path lights = sampleFile(dir, "traffic-light.png");
        for (Object body : new Object[] {lights, sample("traffic-light.png"),
                new ByteArrayInputStream(sample("traffic-light.png"))}) {
            Exchange out = infer("specId=" + DETECTOR, body);
            assertThat(out.getException()).as(body.getClass().getSimpleName()).isNull();
            DeepomaticResult result = out.getMessage().getBody(DeepomaticResult.class);
            assertThat(result.predicted()).extracting(DeepomaticPrediction::labelName)
                    .containsExactlyInAnyOrder("red", "yellow", "green");
            double previous = Double.MAX_VALUE;
            for (DeepomaticPrediction p : result.predicted()) {
                assertThat(p.score()).isLessThanOrEqualTo(previous);
                previous = p.score();
                assertThat(p.roi().bbox().xmin()).isBetween(0.0, 1.0).isLessThan(p.roi().bbox().xmax());
                assertThat(p.roi().bbox().ymin()).isLessThan(p.roi().bbox().ymax());
            }
            DeepomaticPrediction red = result.predicted().stream().filter(p -> p.labelName().equals("red")).findFirst()
                    .orElseThrow();
            assertThat(red.roi().bbox().ymax()).isLessThan(0.35);
        }
        assertThat(billed()).isEqualTo(3);
    }

    @Test
    void urlAndDataUriStringsWithShowDiscardedMaxPredictionsAndBbox() {
        Exchange byUrl = infer("specId=" + CLASSIFIER + "&showDiscarded=true&maxPredictions=3", sampleUrl("blue-sky.png"));
        DeepomaticResult sky = byUrl.getMessage().getBody(DeepomaticResult.class);
        assertThat(byUrl.getException()).isNull();
        assertThat(sky.top().labelName()).isEqualTo("blue");
        assertThat(sky.image()).isEqualTo(sampleUrl("blue-sky.png"));
        assertThat(sky.outputs().get(0).labels().discarded()).hasSize(3)
                .allSatisfy(d -> assertThat(d.score()).isLessThan(d.threshold()));

        String dataUri = "data:image/png;base64," + Base64.getEncoder().encodeToString(sample("traffic-light.png"));
        Exchange cropped = infer("specId=" + DETECTOR + "&bbox=0,0.67,1,1", dataUri);
        assertThat(cropped.getException()).isNull();
        assertThat(cropped.getMessage().getBody(DeepomaticResult.class).predicted())
                .extracting(DeepomaticPrediction::labelName).containsExactly("green");
        assertThat(cropped.getMessage().getHeader(DeepomaticConstants.TOP_LABEL)).isEqualTo("green");
    }

    @Test
    void aListOfImagesGivesOneResultPerImageInOrder() throws Exception {
        List<Object> images = List.of(sampleFile(dir, "red-apple.png").toFile(), sampleUrl("blue-sky.png"),
                sample("traffic-light.png"));

        Exchange out = infer("specId=" + CLASSIFIER, images);

        assertThat(out.getException()).isNull();
        List<?> results = out.getMessage().getBody(List.class);
        assertThat(results).hasSize(3);
        assertThat(results).map(r -> ((DeepomaticResult) r).top().labelName()).containsExactly("red", "blue", "black");
        List<Object> taskIds = List.copyOf(out.getMessage().getHeader(DeepomaticConstants.TASK_IDS, List.class));
        List<Object> resultTaskIds = results.stream().map(r -> (Object) ((DeepomaticResult) r).taskId()).toList();
        assertThat(taskIds).hasSize(3).doesNotHaveDuplicates().containsExactlyElementsOf(resultTaskIds);
        assertThat(out.getMessage().getHeader(DeepomaticConstants.IMAGE_COUNT)).isEqualTo(3);
        assertThat(billed()).isEqualTo(3);
    }

    @Test
    void withoutWaitingTheTaskIdComesBackAndTaskAndTasksFollowIt() throws Exception {
        Exchange submitted = infer("specId=" + CLASSIFIER + "&waitForCompletion=false", sample("red-apple.png"));
        assertThat(submitted.getMessage().getBody(DeepomaticResult.class).status()).isEqualTo("pending");
        String taskId = submitted.getMessage().getHeader(DeepomaticConstants.TASK_ID, String.class);
        assertThat(taskId).isNotBlank();
        assertThat(calls(TASK) + calls(TASK_LIST)).isZero();

        Exchange first = template.request("deepomatic:task", e -> e.getMessage().setBody(taskId));
        assertThat(first.getMessage().getHeader(DeepomaticConstants.TASK_STATUS)).isEqualTo("pending");
        assertThat(first.getMessage().getHeader(DeepomaticConstants.TOP_LABEL)).isNull();
        Exchange checked = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(
                () -> template.request("deepomatic:task",
                        e -> e.getMessage().setHeader(DeepomaticConstants.TASK_ID, taskId)),
                done -> "success".equals(done.getMessage().getHeader(DeepomaticConstants.TASK_STATUS)));
        DeepomaticTask task = checked.getMessage().getBody(DeepomaticTask.class);
        assertThat(task.status()).isEqualTo("success");
        assertThat(task.outputs().get(0).labels().predicted().get(0).labelName()).isEqualTo("red");
        assertThat(checked.getMessage().getHeader(DeepomaticConstants.TOP_LABEL)).isEqualTo("red");

        Exchange second = infer("specId=" + CLASSIFIER + "&waitForCompletion=false", sample("blue-sky.png"));
        String other = second.getMessage().getHeader(DeepomaticConstants.TASK_ID, String.class);
        Exchange both = template.request("deepomatic:tasks", e -> e.getMessage().setBody(taskId + "," + other));
        List<?> tasks = both.getMessage().getBody(List.class);
        assertThat(tasks).map(t -> ((DeepomaticTask) t).id()).containsExactly(taskId, other);
        assertThat(calls(TASK_LIST)).isEqualTo(1);
    }

    @Test
    void anUnknownSpecFailsWithTheServices404Message() throws Exception {
        Exchange out = infer("specId=fashion-v4", sample("red-apple.png"));

        assertThat(out.getException()).isInstanceOf(InferenceApiException.class);
        InferenceApiException e = (InferenceApiException) out.getException();
        assertThat(e.getStatusCode()).isEqualTo(404);
        assertThat(e.getProviderMessage()).contains("fashion-v4").contains(CLASSIFIER);
        assertThat(billed()).isZero();
    }

    @Test
    void contentThatIsNotAnImageFailsWithTheServicesReason() throws Exception {
        Path notes = Files.writeString(dir.resolve("notes.png"), "these are not pixels", StandardCharsets.UTF_8);

        Exchange out = infer("specId=" + CLASSIFIER, notes);

        assertThat(out.getException()).isInstanceOf(InferenceApiException.class)
                .hasMessageContaining("400").hasMessageContaining("not an image");
        assertThat(billed()).isZero();
    }

    @Test
    void bodiesThatAreNoImageAtAllAreRefusedBeforeAnythingIsSent() {
        Exchange number = infer("specId=" + CLASSIFIER, 42);
        assertThat(number.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.Integer").hasMessageContaining("File, Path");
        Exchange text = infer("specId=" + CLASSIFIER, "a red apple");
        assertThat(text.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("neither an http(s) URL nor a data:image");
        Exchange noSpec = template.request("deepomatic:inference", e -> e.getMessage().setBody(sample("red-apple.png")));
        assertThat(noSpec.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("specId")
                .hasMessageContaining(DeepomaticConstants.SPEC_ID);
        Exchange valid = infer("specId=" + CLASSIFIER, sample("red-apple.png"));
        assertThat(valid.getException()).isNull();
        Exchange boxHeader = template.request("deepomatic:inference?specId=" + CLASSIFIER, e -> {
            e.getMessage().setHeader(DeepomaticConstants.BBOX, "0.5,0,0.2,1");
            e.getMessage().setBody(sample("red-apple.png"));
        });
        assertThat(boxHeader.getException()).hasMessageContaining("xmin < xmax");
        assertThat(calls(PUBLIC_INFERENCE)).as("only the valid request was sent").isEqualTo(1);
    }

    @Test
    void aListIsCheckedWholeBeforeAnyImageIsSent() {
        Exchange badElement = infer("specId=" + CLASSIFIER, List.of(sample("red-apple.png"), 42));
        assertThat(badElement.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("element 1 of the body").hasMessageContaining("java.lang.Integer");
        Exchange emptyImage = infer("specId=" + CLASSIFIER, List.of(sample("red-apple.png"), new byte[0]));
        assertThat(emptyImage.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty image in element 1");
        Exchange emptyList = infer("specId=" + CLASSIFIER, List.of());
        assertThat(emptyList.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty List");
        Exchange badMax = template.request("deepomatic:inference?specId=" + CLASSIFIER, e -> {
            e.getMessage().setHeader(DeepomaticConstants.MAX_PREDICTIONS, 0);
            e.getMessage().setBody(sample("red-apple.png"));
        });
        assertThat(badMax.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxPredictions").hasMessageContaining(DeepomaticConstants.MAX_PREDICTIONS);
        assertThat(emulator.stats().totalCalls("deepomatic")).isZero();
    }

    @Test
    void anEmptyStreamIsRefusedBeforeBilling() {
        Exchange out = infer("specId=" + CLASSIFIER, new ByteArrayInputStream(new byte[0]));

        assertThat(out.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty image").hasMessageContaining("nothing was sent");
        assertThat(calls(PUBLIC_INFERENCE)).isZero();
    }

    @Test
    void anEmptyStreamLaterInAListIsRefusedBeforeTheImagesBeforeItAreSent() throws Exception {
        List<Path> spoolsBefore = tempFiles(".spool");

        Exchange out = infer("specId=" + CLASSIFIER, List.of(new ByteArrayInputStream(sample("red-apple.png")),
                new ByteArrayInputStream(new byte[0])));

        assertThat(emulator.stats().totalCalls("deepomatic")).as("image 0 was not sent either").isZero();
        assertThat(out.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty image in element 1 of the body").hasMessageContaining("nothing was sent");
        assertThat(billed()).isZero();
        assertThat(tempFiles(".spool")).as("the copy of image 0's stream is deleted too").isEqualTo(spoolsBefore);

        Exchange streams = infer("specId=" + CLASSIFIER, List.of(new ByteArrayInputStream(sample("red-apple.png")),
                new ByteArrayInputStream(sample("blue-sky.png"))));
        assertThat(streams.getException()).isNull();
        assertThat(streams.getMessage().getBody(List.class)).map(r -> ((DeepomaticResult) r).top().labelName())
                .containsExactly("red", "blue");
        assertThat(tempFiles(".spool")).as("the copies are deleted once the images are done").isEqualTo(spoolsBefore);
    }

    @Test
    void aSignedUrlIsNamedByItsSchemeHostAndPathOnly() {
        String signed = sampleUrl("blue-sky.png") + "?X-Amz-Credential=AKIAEXAMPLE&X-Amz-Signature=0badc0ffee#part";

        Exchange out = infer("specId=" + CLASSIFIER, signed);

        assertThat(out.getException()).isNull();
        DeepomaticResult sky = out.getMessage().getBody(DeepomaticResult.class);
        assertThat(sky.top().labelName()).as("the signed URL itself was sent").isEqualTo("blue");
        assertThat(sky.image()).isEqualTo(sampleUrl("blue-sky.png"));
    }

    @Test
    void aListWithoutWaitingGivesOnePendingResultPerImage() {
        Exchange out = infer("specId=" + CLASSIFIER + "&waitForCompletion=false",
                List.of(sample("red-apple.png"), sampleUrl("blue-sky.png")));

        assertThat(out.getException()).isNull();
        List<?> results = out.getMessage().getBody(List.class);
        assertThat(results).hasSize(2).allSatisfy(r -> assertThat(((DeepomaticResult) r).status()).isEqualTo("pending"));
        assertThat(out.getMessage().getHeader(DeepomaticConstants.TASK_STATUS)).isEqualTo("pending");
        assertThat(out.getMessage().getHeader(DeepomaticConstants.TASK_IDS, List.class)).hasSize(2)
                .doesNotContainNull();
        assertThat(calls(TASK) + calls(TASK_LIST)).isZero();
        assertThat(billed()).isEqualTo(2);
    }

    @Test
    void aUrlOutsideTheEmulatorIsRefusedClearly() {
        Exchange out = infer("specId=" + CLASSIFIER, "https://static.deepomatic.com/resources/demos/api-clients/dog2.jpg");

        assertThat(out.getException()).isInstanceOf(InferenceApiException.class)
                .hasMessageContaining("static.deepomatic.com").hasMessageContaining("red-apple.png");
    }

    @Test
    void aWrongKeyIs401AndTheKeyNeverAppears() {
        Exchange out = infer("specId=" + CLASSIFIER + "&apiKey=wrong-secret-4711", sample("red-apple.png"));

        assertThat(out.getException()).isInstanceOf(InferenceApiException.class);
        InferenceApiException e = (InferenceApiException) out.getException();
        assertThat(e.getStatusCode()).isEqualTo(401);
        assertThat(e.getMessage()).contains("Incorrect authentication credentials").doesNotContain("wrong-secret-4711");
        assertThat(out.getMessage().getHeaders().toString()).doesNotContain("wrong-secret-4711");
    }

    @Test
    void polygonAndCropUniformBackgroundNarrowWhatIsRecognisedInUploadsAndUrls() {
        String diamond = "0.5,0.32;1,0.5;0.5,0.68;0,0.5";
        Exchange uploaded = infer("specId=" + DETECTOR + "&polygon=" + diamond, sample("traffic-light.png"));
        assertThat(uploaded.getException()).isNull();
        assertThat(uploaded.getMessage().getBody(DeepomaticResult.class).predicted())
                .extracting(DeepomaticPrediction::labelName).containsExactly("yellow");
        Exchange byHeader = template.request("deepomatic:inference?specId=" + DETECTOR, e -> {
            e.getMessage().setHeader(DeepomaticConstants.POLYGON, List.of(new DeepomaticPoint(0.5, 0.32),
                    new DeepomaticPoint(1, 0.5), new DeepomaticPoint(0.5, 0.68), new DeepomaticPoint(0, 0.5)));
            e.getMessage().setBody(sampleUrl("traffic-light.png"));
        });
        assertThat(byHeader.getException()).isNull();
        assertThat(byHeader.getMessage().getHeader(DeepomaticConstants.TOP_LABEL)).isEqualTo("yellow");

        // the black border cut off: the three lights span the whole width that is left
        Exchange cropped = infer("specId=" + DETECTOR + "&cropUniformBackground=true", sample("traffic-light.png"));
        assertThat(cropped.getMessage().getBody(DeepomaticResult.class).predicted()).hasSize(3)
                .allSatisfy(p -> assertThat(p.roi().bbox().xmin()).isLessThan(0.03));
        Exchange croppedUrl = template.request("deepomatic:inference?specId=" + DETECTOR, e -> {
            e.getMessage().setHeader(DeepomaticConstants.CROP_UNIFORM_BACKGROUND, true);
            e.getMessage().setBody(sampleUrl("traffic-light.png"));
        });
        assertThat(croppedUrl.getMessage().getBody(DeepomaticResult.class).predicted()).hasSize(3)
                .allSatisfy(p -> assertThat(p.roi().bbox().xmin()).isLessThan(0.03));
        Exchange kept = infer("specId=" + DETECTOR, sample("traffic-light.png"));
        assertThat(kept.getMessage().getBody(DeepomaticResult.class).predicted()).hasSize(3)
                .allSatisfy(p -> assertThat(p.roi().bbox().xmin()).isGreaterThan(0.15));
        assertThat(billed()).isEqualTo(5);

        Exchange twoPoints = template.request("deepomatic:inference?specId=" + DETECTOR, e -> {
            e.getMessage().setHeader(DeepomaticConstants.POLYGON, "0,0;1,1");
            e.getMessage().setBody(sample("traffic-light.png"));
        });
        assertThat(twoPoints.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 3").hasMessageContaining("option polygon")
                .hasMessageContaining(DeepomaticConstants.POLYGON);
        // the service refuses a polygon that leaves nothing of the box, before billing
        Exchange outside = infer("specId=" + DETECTOR + "&bbox=0.5,0.5,1,1&polygon=0,0;0.2,0;0,0.2",
                sample("traffic-light.png"));
        assertThat(outside.getException()).isInstanceOf(InferenceApiException.class)
                .hasMessageContaining("inputs[0].image.polygon");
        assertThat(billed()).isEqualTo(5);
    }
}
