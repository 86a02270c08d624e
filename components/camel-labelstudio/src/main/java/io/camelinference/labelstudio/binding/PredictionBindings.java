package io.camelinference.labelstudio.binding;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import io.camelinference.common.operation.Binding;
import io.camelinference.common.operation.TopLabel;
import io.camelinference.labelstudio.LabelStudioConfiguration;
import io.camelinference.labelstudio.LabelStudioConstants;
import io.camelinference.labelstudio.model.Prediction;
import io.camelinference.labelstudio.model.PredictionRequest;
import io.camelinference.labelstudio.operation.PredictionQuery;
import io.camelinference.labelstudio.operation.RetrieveCall;
import io.camelinference.labelstudio.operation.RetrieveResult;
import io.camelinference.labelstudio.operation.Update;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Reads and writes the prediction operations' messages. */
public final class PredictionBindings {

    static final String PREDICTION_ACCEPTED = "a PredictionRequest, a Map or JSON object with task and result (a list"
            + " of regions), or a List of regions with the header CamelLabelStudioTaskId";

    private final LabelStudioConfiguration c;

    public PredictionBindings(LabelStudioConfiguration configuration) {
        this.c = configuration;
    }

    private static long prediction(Message in, String what) {
        return Ids.target(in, LabelStudioConstants.PREDICTION_ID, null, what, "prediction id");
    }

    @SuppressWarnings("unchecked")
    public Binding<PredictionRequest, Prediction> create() {
        return Binding.of(ex -> {
            String what = "labelstudio:create-prediction";
            Message in = ex.getMessage();
            Object body = in.getBody();
            PredictionRequest request;
            if (body instanceof PredictionRequest r) {
                request = r;
            } else if (body instanceof Collection<?> regions) {
                request = new PredictionRequest(null, List.copyOf((Collection<Map<String, Object>>) regions), null,
                        null);
            } else {
                request = Bodies.as(Bodies.fields(body, what, PREDICTION_ACCEPTED), PredictionRequest.class, what);
            }
            Long task = request.task() != null ? request.task() : in.getHeader(LabelStudioConstants.TASK_ID, Long.class);
            if (task == null) {
                throw new IllegalArgumentException(what + " needs the task: a task field, or the header "
                        + LabelStudioConstants.TASK_ID + "; send " + PREDICTION_ACCEPTED);
            }
            if (request.result() == null) {
                throw new IllegalArgumentException(what + " needs the result (a list of regions); send "
                        + PREDICTION_ACCEPTED);
            }
            String version = request.modelVersion() != null ? request.modelVersion()
                    : in.getHeader(LabelStudioConstants.MODEL_VERSION, String.class);
            Double score = request.score() != null ? request.score() : in.getHeader(LabelStudioConstants.SCORE,
                    Double.class);
            return new PredictionRequest(task, request.result(), score, version);
        }, PredictionBindings::write);
    }

    public Binding<PredictionQuery, List<Prediction>> list() {
        return Binding.of(ex -> {
            Message in = ex.getMessage();
            return new PredictionQuery(Ids.optional(in, LabelStudioConstants.PROJECT_ID, c.getProjectId()),
                    in.getHeader(LabelStudioConstants.TASK_ID, Long.class));
        }, (ex, predictions) -> {
            ex.getMessage().setHeader(LabelStudioConstants.PREDICTION_COUNT, predictions.size());
            ex.getMessage().setBody(predictions);
        });
    }

    public Binding<Long, Prediction> get() {
        return Binding.of(ex -> prediction(ex.getMessage(), "labelstudio:get-prediction"), PredictionBindings::write);
    }

    public Binding<Update, Prediction> update() {
        return Binding.of(ex -> {
            String what = "labelstudio:update-prediction";
            Message in = ex.getMessage();
            Long id = in.getHeader(LabelStudioConstants.PREDICTION_ID, Long.class);
            if (id == null) {
                throw new IllegalArgumentException(what + " needs the prediction: set the header "
                        + LabelStudioConstants.PREDICTION_ID + " (the body holds the fields to change)");
            }
            return new Update(id, Bodies.fields(in.getBody(), what, "a Map or JSON object of the fields to change"
                    + " (result, score, model_version)"));
        }, PredictionBindings::write);
    }

    public Binding<Long, Void> delete() {
        return Binding.of(ex -> prediction(ex.getMessage(), "labelstudio:delete-prediction"),
                (ex, nothing) -> ex.getMessage().setBody(null));
    }

    /** The tasks: the header CamelLabelStudioTaskIds, else a List or comma-separated String body, else all tasks. */
    public Binding<RetrieveCall, RetrieveResult> retrieve() {
        return Binding.of(ex -> {
            String what = "labelstudio:retrieve-predictions";
            Message in = ex.getMessage();
            long project = Ids.scope(in, LabelStudioConstants.PROJECT_ID, c.getProjectId(), what, "projectId");
            Object ids = in.getHeader(LabelStudioConstants.TASK_IDS);
            if (ids == null && (in.getBody() instanceof Collection<?> || in.getBody() instanceof CharSequence)) {
                ids = in.getBody();
            }
            return new RetrieveCall(project, Ids.list(ids, what));
        }, (ex, result) -> {
            Message out = ex.getMessage();
            out.setHeader(LabelStudioConstants.PROCESSED_ITEMS, result.action().processedItems());
            out.setHeader(LabelStudioConstants.PREDICTION_COUNT, result.storedPredictions());
            out.setBody(result.action());
        });
    }

    private static void write(Exchange ex, Prediction prediction) {
        ex.getMessage().setHeader(LabelStudioConstants.PREDICTION_ID, prediction.id());
        ex.getMessage().setHeader(LabelStudioConstants.MODEL_VERSION, prediction.modelVersion());
        TopLabel.write(ex.getMessage(), LabelStudioConstants.TOP_LABEL, LabelStudioConstants.TOP_SCORE,
                PredictionLabels.top(prediction));
        ex.getMessage().setBody(prediction);
    }
}
