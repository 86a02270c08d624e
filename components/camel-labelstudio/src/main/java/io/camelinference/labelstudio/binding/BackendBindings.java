package io.camelinference.labelstudio.binding;

import java.util.List;
import java.util.Map;

import io.camelinference.common.operation.Binding;
import io.camelinference.labelstudio.LabelStudioConfiguration;
import io.camelinference.labelstudio.LabelStudioConstants;
import io.camelinference.labelstudio.model.InteractiveResult;
import io.camelinference.labelstudio.model.MlBackend;
import io.camelinference.labelstudio.model.MlBackendRequest;
import io.camelinference.labelstudio.model.ModelVersions;
import io.camelinference.labelstudio.operation.Interactive;
import io.camelinference.labelstudio.operation.Update;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Reads and writes the ML-backend operations' messages. */
public final class BackendBindings {

    static final String BACKEND_ACCEPTED = "an MlBackendRequest, a Map or JSON object with url (and project, unless the"
            + " option projectId or the header CamelLabelStudioProjectId gives it), or the backend's URL as a String";

    private final LabelStudioConfiguration c;

    public BackendBindings(LabelStudioConfiguration configuration) {
        this.c = configuration;
    }

    private long project(Message in, String what) {
        return Ids.scope(in, LabelStudioConstants.PROJECT_ID, c.getProjectId(), what, "projectId");
    }

    private long backend(Message in, String what) {
        return Ids.target(in, LabelStudioConstants.BACKEND_ID, c.getBackendId(), what, "backendId");
    }

    public Binding<Long, List<MlBackend>> list() {
        return Binding.of(ex -> project(ex.getMessage(), "labelstudio:list-backends"),
                (ex, backends) -> ex.getMessage().setBody(backends));
    }

    public Binding<MlBackendRequest, MlBackend> create() {
        return Binding.of(this::createRequest, BackendBindings::write);
    }

    private MlBackendRequest createRequest(Exchange ex) {
        Message in = ex.getMessage();
        String what = "labelstudio:create-backend";
        Object body = in.getBody();
        MlBackendRequest request;
        if (body instanceof MlBackendRequest r) {
            request = r;
        } else if (body instanceof CharSequence text && !text.toString().strip().startsWith("{")) {
            request = MlBackendRequest.of(text.toString().strip(), null, null);
        } else {
            request = Bodies.as(Bodies.fields(body, what, BACKEND_ACCEPTED), MlBackendRequest.class, what);
        }
        if (request.url() == null || request.url().isBlank()) {
            throw new IllegalArgumentException(what + " needs the backend's url (the address Label Studio calls, e.g."
                    + " http://camel-app:8080/ml); send " + BACKEND_ACCEPTED);
        }
        return request.project() != null ? request : request.withProject(project(in, what));
    }

    public Binding<Long, MlBackend> get() {
        return Binding.of(ex -> backend(ex.getMessage(), "labelstudio:get-backend"), BackendBindings::write);
    }

    public Binding<Update, MlBackend> update() {
        return Binding.of(ex -> {
            String what = "labelstudio:update-backend";
            Message in = ex.getMessage();
            long id = Ids.scope(in, LabelStudioConstants.BACKEND_ID, c.getBackendId(), what, "backendId");
            return new Update(id, Bodies.fields(in.getBody(), what, "a Map, JSON object or MlBackendRequest of the"
                    + " fields to change"));
        }, BackendBindings::write);
    }

    public Binding<Long, Void> delete() {
        return Binding.of(ex -> backend(ex.getMessage(), "labelstudio:delete-backend"), BackendBindings::done);
    }

    public Binding<Long, Void> train() {
        return Binding.of(ex -> backend(ex.getMessage(), "labelstudio:train"), BackendBindings::done);
    }

    public Binding<Interactive, InteractiveResult> interactive() {
        return Binding.of(ex -> {
            String what = "labelstudio:interactive-annotating";
            Message in = ex.getMessage();
            long id = Ids.scope(in, LabelStudioConstants.BACKEND_ID, c.getBackendId(), what, "backendId");
            Object body = in.getBody();
            if (body instanceof Map<?, ?> || (body instanceof CharSequence s && s.toString().strip().startsWith("{"))) {
                Map<String, Object> fields = Bodies.fields(body, what, "a Map with task and context");
                Object task = fields.get("task") != null ? fields.get("task") : in.getHeader(LabelStudioConstants.TASK_ID);
                if (task == null) {
                    throw new IllegalArgumentException(what + " needs the task: a task field in the body or the header "
                            + LabelStudioConstants.TASK_ID);
                }
                return new Interactive(id, Ids.parse(task.toString(), "task", what), fields.get("context"));
            }
            return new Interactive(id, Ids.target(in, LabelStudioConstants.TASK_ID, null, what, "task id"), null);
        }, (ex, result) -> ex.getMessage().setBody(result.data()));
    }

    public Binding<Long, ModelVersions> versions() {
        return Binding.of(ex -> backend(ex.getMessage(), "labelstudio:backend-versions"),
                (ex, versions) -> ex.getMessage().setBody(versions));
    }

    private static void write(Exchange ex, MlBackend backend) {
        Message out = ex.getMessage();
        out.setHeader(LabelStudioConstants.BACKEND_ID, backend.id());
        out.setHeader(LabelStudioConstants.BACKEND_STATE, backend.state());
        out.setHeader(LabelStudioConstants.MODEL_VERSION, backend.modelVersion());
        out.setBody(backend);
    }

    private static void done(Exchange ex, Void nothing) {
        ex.getMessage().setBody(null);
    }
}
