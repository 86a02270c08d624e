package io.camelinference.deepomatic;

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.camelinference.common.body.MultipartFormBody;
import io.camelinference.common.body.RequestBody;
import io.camelinference.common.body.UploadSource;
import io.camelinference.common.component.InferenceProducerSupport;
import io.camelinference.common.component.InferenceRuntime;
import io.camelinference.common.error.Failures;
import io.camelinference.common.error.InferenceJobFailedException;
import io.camelinference.common.http.AuthStrategy;
import io.camelinference.common.json.Json;
import io.camelinference.common.poll.BatchStatusChecker;
import io.camelinference.common.poll.JobStatus;
import io.camelinference.deepomatic.model.DeepomaticBox;
import io.camelinference.deepomatic.model.DeepomaticPrediction;
import io.camelinference.deepomatic.model.DeepomaticResult;
import io.camelinference.deepomatic.model.DeepomaticSpec;
import io.camelinference.deepomatic.model.DeepomaticTask;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.hc.core5.http.ContentType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Carries out the Deepomatic operations for one endpoint, asynchronously. */
final class DeepomaticProducer extends InferenceProducerSupport {

    private static final Logger LOG = LoggerFactory.getLogger(DeepomaticProducer.class);
    static final String PROVIDER = "deepomatic";

    private final DeepomaticEndpoint endpoint;
    private final DeepomaticConfiguration configuration;
    private final DeepomaticClient client;
    /** Checks the tasks this endpoint's exchanges wait for, many per request. */
    private final BatchStatusChecker<DeepomaticTask> taskChecks;

    /** One image to recognise: either streamed as a multipart file, or given by URL / data URI in JSON. */
    private record ImageInput(String name, UploadSource upload, String source) {
    }

    /** The inference options of one exchange. */
    private record InferenceOptions(boolean showDiscarded, Integer maxPredictions, DeepomaticBox bbox) {
    }

    DeepomaticProducer(DeepomaticEndpoint endpoint, InferenceRuntime runtime) {
        super(endpoint, runtime, PROVIDER);
        this.endpoint = endpoint;
        this.configuration = endpoint.getConfiguration();
        this.client = new DeepomaticClient(runtime.httpClient(PROVIDER, configuration,
                AuthStrategy.header("X-API-KEY", "", configuration.getApiKey())));
        this.taskChecks = new BatchStatusChecker<>(PROVIDER, runtime.scheduler(),
                Duration.ofMillis(configuration.getTaskBatchWindow()), configuration.getTaskBatchSize(),
                ids -> client.tasks(ids).thenApply(DeepomaticProducer::statuses));
    }

    @Override
    protected CompletableFuture<?> start(Exchange exchange) {
        return switch (operation(exchange.getMessage())) {
            case INFERENCE -> inference(exchange);
            case SPECS -> specs(exchange);
            case SPEC -> spec(exchange);
            case CREATE_SPEC -> createSpec(exchange);
            case UPDATE_SPEC -> updateSpec(exchange);
            case DELETE_SPEC -> deleteSpec(exchange);
            case TASK -> task(exchange);
            case TASKS -> tasks(exchange);
        };
    }

    private DeepomaticOperation operation(Message in) {
        String name = in.getHeader(DeepomaticConstants.OPERATION, String.class);
        return name == null ? endpoint.operation() : DeepomaticOperation.of(name);
    }

    // ---- inference ----------------------------------------------------------------------------------------------

    private CompletableFuture<?> inference(Exchange exchange) {
        Message in = exchange.getMessage();
        String specId = specId(in, "inference");
        boolean isPublic = isPublic(in, specId);
        Object body = in.getBody();
        boolean single = !(body instanceof Collection<?>);
        List<ImageInput> inputs = new ArrayList<>();
        if (single) {
            inputs.add(imageInput(body, exchange, -1));
        } else {
            int i = 0;
            for (Object item : (Collection<?>) body) {
                inputs.add(imageInput(item, exchange, i++));
            }
            if (inputs.isEmpty()) {
                throw new IllegalArgumentException("deepomatic:inference got an empty List: send an image, or a List"
                        + " of images");
            }
        }
        InferenceOptions options = options(in);
        boolean wait = in.getHeader(DeepomaticConstants.WAIT_FOR_COMPLETION, configuration.isWaitForCompletion(),
                Boolean.class);
        in.setHeader(DeepomaticConstants.SPEC_ID, specId);
        in.setHeader(DeepomaticConstants.IMAGE_COUNT, inputs.size());

        String jobKey = single && wait ? endpoint.pendingJobs().keyOf(exchange, "inference:" + specId) : null;
        String earlier = endpoint.pendingJobs().find(jobKey);

        List<CompletableFuture<DeepomaticResult>> results = new ArrayList<>();
        List<String> taskIds = new ArrayList<>(java.util.Collections.nCopies(inputs.size(), (String) null));
        for (int i = 0; i < inputs.size(); i++) {
            ImageInput input = inputs.get(i);
            int index = i;
            CompletableFuture<String> submitted;
            if (earlier != null) {
                // this message already started a task (before a restart): wait for it instead of paying again
                LOG.info("Resuming Deepomatic task {} started earlier for this message", earlier);
                submitted = CompletableFuture.completedFuture(earlier);
            } else {
                submitted = client.inference(specId, isPublic, requestBody(input, options))
                        .thenApply(created -> {
                            if (created.taskId() == null || created.taskId().isBlank()) {
                                throw new IllegalStateException("Deepomatic accepted the inference of " + input.name()
                                        + " but answered no task_id");
                            }
                            return created.taskId();
                        });
            }
            results.add(submitted.thenCompose(taskId -> {
                synchronized (taskIds) {
                    taskIds.set(index, taskId);
                    in.setHeader(DeepomaticConstants.TASK_IDS, new ArrayList<>(taskIds));
                }
                if (single) {
                    in.setHeader(DeepomaticConstants.TASK_ID, taskId);
                }
                if (!wait) {
                    return CompletableFuture.completedFuture(new DeepomaticResult(input.name(), specId, taskId,
                            DeepomaticTask.PENDING, List.of()));
                }
                endpoint.pendingJobs().remember(jobKey, taskId);
                return poller().await(taskId, configuration.pollSchedule(), () -> taskChecks.check(taskId))
                        .whenComplete((task, error) -> {
                            if (error == null || Failures.cause(error) instanceof InferenceJobFailedException) {
                                endpoint.pendingJobs().forget(jobKey);
                            }
                        })
                        .thenApply(task -> new DeepomaticResult(input.name(), specId, taskId, task.status(),
                                task.outputs()));
            }).whenComplete((r, e) -> {
                if (input.upload() != null) {
                    input.upload().release();
                }
            }));
        }
        return CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).thenRun(() -> {
            List<DeepomaticResult> done = results.stream().map(CompletableFuture::join).toList();
            if (single) {
                DeepomaticResult result = done.get(0);
                in.setHeader(DeepomaticConstants.TASK_STATUS, result.status());
                DeepomaticPrediction top = result.top();
                if (top != null) {
                    in.setHeader(DeepomaticConstants.TOP_LABEL, top.labelName());
                    in.setHeader(DeepomaticConstants.TOP_SCORE, top.score());
                }
                in.setBody(result);
            } else {
                boolean allDone = done.stream().allMatch(r -> DeepomaticTask.SUCCESS.equals(r.status()));
                in.setHeader(DeepomaticConstants.TASK_STATUS, allDone ? DeepomaticTask.SUCCESS : DeepomaticTask.PENDING);
                in.setBody(done);
            }
        });
    }

    /** What the batch check reports for each task, as the poller's states. */
    static Map<String, JobStatus<DeepomaticTask>> statuses(List<DeepomaticTask> tasks) {
        Map<String, JobStatus<DeepomaticTask>> out = new HashMap<>();
        for (DeepomaticTask task : tasks) {
            out.put(task.id(), toJobStatus(task));
        }
        return out;
    }

    static JobStatus<DeepomaticTask> toJobStatus(DeepomaticTask task) {
        String status = task.status() == null ? "unknown" : task.status();
        return switch (status) {
            case DeepomaticTask.SUCCESS -> JobStatus.done(status, task);
            case DeepomaticTask.ERROR -> JobStatus.failed(status, task.error() == null || task.error().isBlank()
                    ? "the task failed without a message" : task.error());
            case DeepomaticTask.PENDING -> JobStatus.running(status);
            default -> JobStatus.failed(status, "Deepomatic reported an unknown task status '" + status + "'");
        };
    }

    private ImageInput imageInput(Object item, Exchange exchange, int index) {
        String where = index < 0 ? "the body" : "element " + index + " of the body";
        if (item instanceof URL || item instanceof URI) {
            item = item.toString();
        }
        if (item instanceof String text) {
            String source = text.strip();
            String lower = source.toLowerCase(Locale.ROOT);
            if (lower.startsWith("http://") || lower.startsWith("https://")) {
                return new ImageInput(source, null, source);
            }
            if (lower.startsWith("data:image/") && lower.contains(";base64,")) {
                return new ImageInput("data:", null, source);
            }
            throw new IllegalArgumentException("deepomatic:inference got a String in " + where + " that is neither an"
                    + " http(s) URL nor a data:image/*;base64, URI: \"" + abbreviate(source) + "\". To send a file,"
                    + " put a File, Path, byte[] or InputStream in the body");
        }
        if (UploadSource.isUploadable(item)) {
            String fallback = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
            if (fallback == null || index >= 0) {
                fallback = "image" + (index < 0 ? "" : "-" + index);
            }
            UploadSource source = UploadSource.from(item, fallback, exchange.getContext().getTypeConverter());
            if (source.length() == 0) {
                throw new IllegalArgumentException("deepomatic:inference got an empty image in " + where + " ("
                        + source.name() + ", 0 bytes)");
            }
            return new ImageInput(source.name(), source, null);
        }
        throw new IllegalArgumentException("deepomatic:inference needs an image in " + where + ": a File, Path,"
                + " byte[] or InputStream (uploaded), an http(s) URL or data:image/*;base64, String, or a List of"
                + " these; got " + (item == null ? "nothing (null)" : item.getClass().getName()));
    }

    private InferenceOptions options(Message in) {
        String bbox = in.getHeader(DeepomaticConstants.BBOX, configuration.getBbox(), String.class);
        Integer max = in.getHeader(DeepomaticConstants.MAX_PREDICTIONS, configuration.getMaxPredictions(), Integer.class);
        if (max != null && max < 1) {
            throw new IllegalArgumentException("deepomatic maxPredictions must be at least 1, was " + max);
        }
        return new InferenceOptions(
                in.getHeader(DeepomaticConstants.SHOW_DISCARDED, configuration.isShowDiscarded(), Boolean.class),
                max, bbox == null || bbox.isBlank() ? null : DeepomaticBox.parse(bbox));
    }

    /** A streamed multipart upload for file content; JSON for URLs and data URIs. */
    private static RequestBody requestBody(ImageInput input, InferenceOptions options) {
        if (input.upload() != null) {
            MultipartFormBody.Builder form = MultipartFormBody.builder()
                    .file("inputs[0]image.source", input.upload(), imageType(input.name()));
            if (options.bbox() != null) {
                form.field("inputs[0]image.bbox.xmin", String.valueOf(options.bbox().xmin()))
                        .field("inputs[0]image.bbox.ymin", String.valueOf(options.bbox().ymin()))
                        .field("inputs[0]image.bbox.xmax", String.valueOf(options.bbox().xmax()))
                        .field("inputs[0]image.bbox.ymax", String.valueOf(options.bbox().ymax()));
            }
            form.field("show_discarded", String.valueOf(options.showDiscarded()));
            if (options.maxPredictions() != null) {
                form.field("max_predictions", String.valueOf(options.maxPredictions()));
            }
            return form.build();
        }
        Map<String, Object> image = new LinkedHashMap<>();
        image.put("source", input.source());
        if (options.bbox() != null) {
            image.put("bbox", options.bbox());
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("inputs", List.of(Map.of("image", image)));
        json.put("show_discarded", options.showDiscarded());
        if (options.maxPredictions() != null) {
            json.put("max_predictions", options.maxPredictions());
        }
        return RequestBody.json(json);
    }

    static ContentType imageType(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".png")) {
            return ContentType.IMAGE_PNG;
        }
        if (n.endsWith(".jpg") || n.endsWith(".jpeg")) {
            return ContentType.IMAGE_JPEG;
        }
        if (n.endsWith(".gif")) {
            return ContentType.IMAGE_GIF;
        }
        if (n.endsWith(".bmp")) {
            return ContentType.IMAGE_BMP;
        }
        if (n.endsWith(".webp")) {
            return ContentType.IMAGE_WEBP;
        }
        return ContentType.APPLICATION_OCTET_STREAM;
    }

    // ---- specifications -----------------------------------------------------------------------------------------

    private CompletableFuture<?> specs(Exchange exchange) {
        Message in = exchange.getMessage();
        Boolean header = in.getHeader(DeepomaticConstants.PUBLIC_SPEC, Boolean.class);
        boolean isPublic = header != null ? header : Boolean.TRUE.equals(configuration.getPublicSpec());
        return client.specs(isPublic).thenAccept(specs -> {
            in.setHeader(DeepomaticConstants.SPEC_COUNT, specs.size());
            in.setBody(specs);
        });
    }

    private CompletableFuture<?> spec(Exchange exchange) {
        Message in = exchange.getMessage();
        String specId = specIdOrBody(in, "spec");
        return client.spec(specId, isPublic(in, specId)).thenAccept(spec -> {
            in.setHeader(DeepomaticConstants.SPEC_ID, spec.id());
            in.setBody(spec);
        });
    }

    private CompletableFuture<?> createSpec(Exchange exchange) {
        Message in = exchange.getMessage();
        Object spec = specBody(in.getBody(), "create-spec");
        return client.createSpec(spec).thenAccept(created -> {
            in.setHeader(DeepomaticConstants.SPEC_ID, created.id());
            in.setBody(created);
        });
    }

    private CompletableFuture<?> updateSpec(Exchange exchange) {
        Message in = exchange.getMessage();
        String specId = specId(in, "update-spec");
        requirePrivate(in, specId, "update-spec");
        Object changes = specBody(in.getBody(), "update-spec");
        return client.updateSpec(specId, changes).thenAccept(updated -> {
            in.setHeader(DeepomaticConstants.SPEC_ID, updated.id());
            in.setBody(updated);
        });
    }

    private CompletableFuture<?> deleteSpec(Exchange exchange) {
        Message in = exchange.getMessage();
        String specId = specIdOrBody(in, "delete-spec");
        requirePrivate(in, specId, "delete-spec");
        return client.deleteSpec(specId).thenRun(() -> {
            in.setHeader(DeepomaticConstants.SPEC_ID, specId);
            in.setBody(null);
        });
    }

    private void requirePrivate(Message in, String specId, String operation) {
        if (isPublic(in, specId)) {
            throw new IllegalArgumentException("deepomatic:" + operation + " works on your own specifications (integer"
                    + " ids); '" + specId + "' is a public one, which cannot be changed");
        }
    }

    /** The body of create-spec / update-spec: a DeepomaticSpec, a Map, or a JSON object String. */
    private static Object specBody(Object body, String operation) {
        if (body instanceof DeepomaticSpec || body instanceof Map<?, ?>) {
            return body;
        }
        if (body instanceof String text && !text.isBlank()) {
            try {
                return Json.mapper().readValue(text, Map.class);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("deepomatic:" + operation + " expects a String body to be a JSON"
                        + " object; it is not valid JSON (" + e.getOriginalMessage() + ")", e);
            }
        }
        throw new IllegalArgumentException("deepomatic:" + operation + " needs the specification in the body: a"
                + " DeepomaticSpec, a Map or a JSON object String"
                + ("create-spec".equals(operation) ? " with name and outputs" : " with name, metadata or"
                + " current_version_id") + "; got " + (body == null ? "nothing" : body.getClass().getSimpleName()));
    }

    // ---- tasks --------------------------------------------------------------------------------------------------

    private CompletableFuture<?> task(Exchange exchange) {
        Message in = exchange.getMessage();
        String taskId = in.getHeader(DeepomaticConstants.TASK_ID, String.class);
        if ((taskId == null || taskId.isBlank()) && (in.getBody() instanceof String || in.getBody() instanceof Number)) {
            taskId = in.getBody().toString().strip();
        }
        if (taskId == null || taskId.isBlank()) {
            throw new IllegalArgumentException("deepomatic:task needs a task id: set the header "
                    + DeepomaticConstants.TASK_ID + " or put the id in the body");
        }
        return client.task(taskId).thenAccept(task -> {
            in.setHeader(DeepomaticConstants.TASK_ID, task.id());
            in.setHeader(DeepomaticConstants.TASK_STATUS, task.status());
            DeepomaticResult asResult = new DeepomaticResult(null, null, task.id(), task.status(), task.outputs());
            if (asResult.top() != null) {
                in.setHeader(DeepomaticConstants.TOP_LABEL, asResult.top().labelName());
                in.setHeader(DeepomaticConstants.TOP_SCORE, asResult.top().score());
            }
            in.setBody(task);
        });
    }

    private CompletableFuture<?> tasks(Exchange exchange) {
        Message in = exchange.getMessage();
        Object ids = in.getHeader(DeepomaticConstants.TASK_IDS);
        if (ids == null) {
            ids = in.getBody();
        }
        List<String> taskIds = new ArrayList<>();
        if (ids instanceof Collection<?> list) {
            list.forEach(id -> taskIds.add(String.valueOf(id).strip()));
        } else if (ids instanceof String text) {
            for (String id : text.split(",")) {
                if (!id.isBlank()) {
                    taskIds.add(id.strip());
                }
            }
        }
        if (taskIds.isEmpty()) {
            throw new IllegalArgumentException("deepomatic:tasks needs task ids: set the header "
                    + DeepomaticConstants.TASK_IDS + " (a List or comma-separated String) or put them in the body");
        }
        return client.tasks(taskIds).thenAccept(tasks -> {
            in.setHeader(DeepomaticConstants.TASK_IDS, tasks.stream().map(DeepomaticTask::id).toList());
            in.setBody(tasks);
        });
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private String specId(Message in, String operation) {
        String specId = in.getHeader(DeepomaticConstants.SPEC_ID, configuration.getSpecId(), String.class);
        if (specId == null || specId.isBlank()) {
            throw new IllegalArgumentException("deepomatic:" + operation + " needs a specId: a public specification's"
                    + " id (e.g. deepomatic:" + operation + "?specId=fashion-v4) or your own one's integer id; the"
                    + " header " + DeepomaticConstants.SPEC_ID + " can set it per message");
        }
        return specId.strip();
    }

    private String specIdOrBody(Message in, String operation) {
        String specId = in.getHeader(DeepomaticConstants.SPEC_ID, configuration.getSpecId(), String.class);
        if ((specId == null || specId.isBlank()) && (in.getBody() instanceof String || in.getBody() instanceof Number)) {
            return in.getBody().toString().strip();
        }
        return specId(in, operation);
    }

    /** Explicit header or option first; otherwise an integer id is a private specification, anything else public. */
    private boolean isPublic(Message in, String specId) {
        Boolean header = in.getHeader(DeepomaticConstants.PUBLIC_SPEC, Boolean.class);
        if (header != null) {
            return header;
        }
        if (configuration.getPublicSpec() != null) {
            return configuration.getPublicSpec();
        }
        return !specId.chars().allMatch(Character::isDigit);
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 60) + "...";
    }
}
