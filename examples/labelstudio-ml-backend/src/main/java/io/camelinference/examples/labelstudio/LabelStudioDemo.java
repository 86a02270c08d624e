package io.camelinference.examples.labelstudio;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.camelinference.labelstudio.LabelStudioConstants;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;

/**
 * Drives Label Studio with the component's producer operations: for a project of images and one of texts, creates
 * the project, imports sample tasks (a JSON list; a CSV file streamed), registers this application's ML backend,
 * retrieves predictions (Label Studio calls the backend route synchronously and stores what it answers), logs the
 * counts and writes a JSON export of the project to the outbox. Runs once at start-up when {@code labelstudio.demo} is
 * true.
 */
final class LabelStudioDemo extends RouteBuilder {

    static final String IMAGE_CONFIG = "<View><Image name=\"image\" value=\"$image\"/>"
            + "<RectangleLabels name=\"colours\" toName=\"image\"><Label value=\"Red\"/><Label value=\"Yellow\"/>"
            + "<Label value=\"Green\"/><Label value=\"Blue\"/><Label value=\"Purple\"/></RectangleLabels></View>";
    static final String TEXT_CONFIG = "<View><Text name=\"text\" value=\"$text\"/>"
            + "<Labels name=\"entities\" toName=\"text\"><Label value=\"Organization\"/><Label value=\"Date\"/>"
            + "<Label value=\"Amount\"/><Label value=\"Email Address\"/></Labels></View>";
    static final List<String> SAMPLE_IMAGES = List.of("red-apple.png", "traffic-light.png", "blue-sky.png");

    @Override
    public void configure() {
        from("timer:labelstudio-demo?repeatCount=1&delay={{labelstudio.demo.delay:500}}").routeId("labelstudio-demo")
                .autoStartup("{{labelstudio.demo:true}}")
                .to("direct:labelstudio-demo-images", "direct:labelstudio-demo-texts")
                .log("Label Studio demo done: the exports are in {{labelstudio.outbox:work/labelstudio/outbox}}");

        from("direct:labelstudio-demo-images").routeId("labelstudio-demo-images")
                .removeHeaders("CamelLabelStudio*")
                .setBody(constant(Map.of("title", "Colour boxes", "label_config", IMAGE_CONFIG)))
                .to("labelstudio:create-project")
                .setBody(exchange -> imageTasks(exchange))
                .to("labelstudio:import-tasks")
                .to("direct:labelstudio-demo-predict");

        from("direct:labelstudio-demo-texts").routeId("labelstudio-demo-texts")
                .removeHeaders("CamelLabelStudio*")
                .setBody(constant(Map.of("title", "Entities", "label_config", TEXT_CONFIG)))
                .to("labelstudio:create-project")
                // a task file, streamed as a multipart upload; its name tells Label Studio the format
                .setHeader(Exchange.FILE_NAME, constant("letters.csv"))
                .setBody(exchange -> LabelStudioDemo.class.getResourceAsStream("/samples/labelstudio/letters.csv"))
                .to("labelstudio:import-tasks")
                .to("direct:labelstudio-demo-predict");

        from("direct:labelstudio-demo-predict").routeId("labelstudio-demo-predict")
                .log("Imported ${header.CamelLabelStudioTaskCount} tasks into project ${header.CamelLabelStudioProjectId}")
                .setBody(constant("{{labelstudio.backend.url}}"))
                .to("labelstudio:create-backend")
                .log("Label Studio connected the Camel ML backend at {{labelstudio.backend.url}}: state"
                        + " ${header.CamelLabelStudioBackendState}, model version ${header.CamelLabelStudioModelVersion}")
                .to("labelstudio:retrieve-predictions")
                .log("Label Studio stored ${header." + LabelStudioConstants.PREDICTION_COUNT + "} predictions for"
                        + " ${header.CamelLabelStudioProcessedItems} tasks of project ${header.CamelLabelStudioProjectId}")
                .to("labelstudio:export?downloadAllTasks=true")
                .to("file:{{labelstudio.outbox:work/labelstudio/outbox}}")
                .log("Wrote the export of project ${header.CamelLabelStudioProjectId} to ${header.CamelFileNameProduced}");
    }

    private static List<Map<String, Object>> imageTasks(Exchange exchange) {
        String base = exchange.getContext().resolvePropertyPlaceholders("{{labelstudio.demo.image-base}}");
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (String image : SAMPLE_IMAGES) {
            tasks.add(Map.of("image", base + "/" + image));
        }
        return tasks;
    }
}
