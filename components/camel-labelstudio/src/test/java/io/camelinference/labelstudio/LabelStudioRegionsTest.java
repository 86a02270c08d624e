package io.camelinference.labelstudio;

import java.util.List;
import java.util.Map;

import io.camelinference.labelstudio.model.LabelConfig;
import io.camelinference.labelstudio.model.LabelStudioTask;
import io.camelinference.labelstudio.regions.LabelStudioRegions;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The value helpers, fed with Maps shaped like the other components' results (their JSON field names), since this
 * module does not depend on them.
 */
class LabelStudioRegionsTest {

    static final String CONFIG = "<View><Image name=\"image\" value=\"$image\"/><RectangleLabels name=\"boxes\""
            + " toName=\"image\"><Label value=\"Red\"/><Label value=\"Blue\"/></RectangleLabels>"
            + "<Text name=\"text\" value=\"$text\"/><Labels name=\"entities\" toName=\"text\"><Label value=\"Organization\"/>"
            + "<Label value=\"person\"/></Labels><Choices name=\"topic\" toName=\"text\" choice=\"multiple\">"
            + "<Choice value=\"Billing\"/><Choice value=\"Billing > Refund\"/></Choices></View>";

    final CamelContext camel = new DefaultCamelContext();

    Exchange exchangeFor(String text) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.setProperty(LabelStudioConstants.TASK_PROPERTY, new LabelStudioTask(1, 7L, Map.of("text", text,
                "image", "/data/upload/1/a.png"), null, null, null, LabelConfig.parse(CONFIG), null,
                "http://ls:8080"));
        return exchange;
    }

    /** A DeepomaticResult as JSON: outputs[].labels.predicted[] with roi.bbox relative to the image. */
    static final Map<String, Object> DEEPOMATIC = Map.of("task_id", "12", "status", "success", "outputs", List.of(
            Map.of("labels", Map.of("predicted", List.of(
                    Map.of("label_name", "red", "score", 0.9, "roi", Map.of("region_id", 1, "bbox",
                            Map.of("xmin", 0.1, "ymin", 0.2, "xmax", 0.5, "ymax", 0.6))),
                    Map.of("label_name", "green", "score", 0.8, "roi", Map.of("region_id", 2, "bbox",
                            Map.of("xmin", 0.0, "ymin", 0.0, "xmax", 1.0, "ymax", 1.0))))))));

    @Test
    void deepomaticBoxesBecomeRectanglesInPercentWithTheConfigsNamesAndLabels() {
        List<Map<String, Object>> regions = LabelStudioRegions.rectangleLabels(DEEPOMATIC, exchangeFor("x"));
        assertThat(regions).hasSize(1);
        Map<String, Object> red = regions.get(0);
        assertThat(red).containsEntry("from_name", "boxes").containsEntry("to_name", "image")
                .containsEntry("type", "rectanglelabels").containsEntry("score", 0.9);
        assertThat((Map<String, Object>) red.get("value")).containsEntry("x", 10.0).containsEntry("y", 20.0)
                .containsEntry("width", 40.0).containsEntry("height", 40.0)
                .containsEntry("rectanglelabels", List.of("Red"));
        assertThat(LabelConfig.parse(CONFIG).problem(regions)).isNull();

        List<Map<String, Object>> free = LabelStudioRegions.rectangleLabelsFor(List.of(DEEPOMATIC), "bbox", "img");
        assertThat(free).hasSize(2).allSatisfy(r -> assertThat(r).containsEntry("from_name", "bbox"));
    }

    @Test
    void annoLabAnnotationsAndCommunicationsMiningEntitiesBecomeSpans() {
        String text = "Acme Corp wrote to Bob";
        List<Map<String, Object>> annolab = LabelStudioRegions.spanLabels(List.of(
                Map.of("type", "Organization", "value", "Acme Corp", "start", 0, "end", 9, "layer", "Predictions"),
                Map.of("type", "Date", "value", "today", "start", 10, "end", 15)), exchangeFor(text));
        assertThat(annolab).hasSize(1);
        assertThat((Map<String, Object>) annolab.get(0).get("value")).containsEntry("start", 0).containsEntry("end", 9)
                .containsEntry("text", "Acme Corp").containsEntry("labels", List.of("Organization"));

        Map<String, Object> commsMining = Map.of("predictions", List.of(Map.of("uid", "a.1", "entities", List.of(
                Map.of("name", "person", "kind", "person", "formatted_value", "Bob", "span", Map.of("char_start", 19,
                        "char_end", 22, "content_part", "body"))))));
        List<Map<String, Object>> spans = LabelStudioRegions.spanLabels(commsMining, exchangeFor(text));
        assertThat((Map<String, Object>) spans.get(0).get("value")).containsEntry("text", "Bob")
                .containsEntry("labels", List.of("person"));
        assertThat(LabelStudioRegions.spanLabelsFor(Map.of("annotations", List.of(Map.of("type", "Date", "value", "x",
                "start", 1, "end", 2))), "ner", "doc")).hasSize(1);
    }

    @Test
    void labelsOfUnityPredictCommunicationsMiningAndPlainMapsBecomeChoices() {
        Map<String, Object> unityPredict = Map.of("requestId", "r", "status", "Completed", "outcomes",
                Map.of("Label", List.of(Map.of("dataType", "String", "probability", 0.7, "value", "Billing"))));
        Map<String, Object> up = LabelStudioRegions.choicesFor(unityPredict, "sentiment", "text").get(0);
        assertThat(up).containsEntry("type", "choices").containsEntry("score", 0.7);
        assertThat((Map<String, Object>) up.get("value")).containsEntry("choices", List.of("Billing"));

        Map<String, Object> commsMining = Map.of("labels", List.of(Map.of("name", List.of("Billing", "Refund"),
                "probability", 0.9), Map.of("name", List.of("Billing"), "probability", 0.6),
                Map.of("name", List.of("Spam"), "probability", 0.95)));
        Map<String, Object> multiple = LabelStudioRegions.choices(commsMining, exchangeFor("x")).get(0);
        assertThat((Map<String, Object>) multiple.get("value")).as("the control allows several; Spam is not one")
                .containsEntry("choices", List.of("Billing > Refund", "Billing"));
        assertThat(LabelStudioRegions.choicesFor(Map.of("label", "Positive", "score", 0.4), "s", "t").get(0))
                .containsEntry("score", 0.4);
        assertThat(LabelStudioRegions.choices("nothing known", exchangeFor("x"))).isEmpty();
    }

    @Test
    void outsideAnMlBackendExchangeTheHelpersSayWhatToUseInstead() {
        assertThatThrownBy(() -> LabelStudioRegions.rectangleLabels(DEEPOMATIC, new DefaultExchange(camel)))
                .hasMessageContaining(LabelStudioConstants.TASK_PROPERTY).hasMessageContaining("...For");
        assertThatThrownBy(() -> LabelStudioRegions.spanLabelsFor(List.of(), "", "text"))
                .hasMessageContaining("from_name and to_name");
        LabelStudioTask task = exchangeFor("x").getProperty(LabelStudioConstants.TASK_PROPERTY, LabelStudioTask.class);
        assertThat(task.getImage()).isEqualTo("http://ls:8080/data/upload/1/a.png");
    }
}
