package io.camelinference.unitypredict;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.camelinference.common.body.UploadSource;
import io.camelinference.common.component.InferenceProducerSupport;
import io.camelinference.common.component.InferenceRuntime;
import io.camelinference.common.component.SafeFileNames;
import io.camelinference.common.error.Failures;
import io.camelinference.common.error.InferenceJobFailedException;
import io.camelinference.common.http.AuthStrategy;
import io.camelinference.common.json.Json;
import io.camelinference.common.poll.JobStatus;
import io.camelinference.common.state.PendingJobs;
import io.camelinference.unitypredict.model.UnityPredictOutcome;
import io.camelinference.unitypredict.model.UnityPredictRequest;
import io.camelinference.unitypredict.model.UnityPredictResponse;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static io.camelinference.unitypredict.model.UnityPredictResponse.COMPLETED;
import static io.camelinference.unitypredict.model.UnityPredictResponse.ERROR;
import static io.camelinference.unitypredict.model.UnityPredictResponse.PROCESSING;

/** Carries out the UnityPredict operations for one endpoint, asynchronously. */
final class UnityPredictProducer extends InferenceProducerSupport {

    private static final Logger LOG = LoggerFactory.getLogger(UnityPredictProducer.class);
    static final String PROVIDER = "unitypredict";

    private final UnityPredictEndpoint endpoint;
    private final UnityPredictConfiguration configuration;
    private final UnityPredictClient client;

    UnityPredictProducer(UnityPredictEndpoint endpoint, InferenceRuntime runtime) {
        super(endpoint, runtime, PROVIDER);
        this.endpoint = endpoint;
        this.configuration = endpoint.getConfiguration();
        this.client = new UnityPredictClient(runtime.httpClient(PROVIDER, configuration,
                AuthStrategy.header("Authorization", "Bearer APIKEY@", configuration.getApiKey())));
    }

    @Override
    protected CompletableFuture<?> start(Exchange exchange) {
        UnityPredictOperation operation = operation(exchange.getMessage());
        return switch (operation) {
            case predict -> predict(exchange);
            case status -> status(exchange);
            case download -> download(exchange);
        };
    }

    private UnityPredictOperation operation(Message in) {
        String name = in.getHeader(UnityPredictConstants.OPERATION, String.class);
        if (name == null) {
            return endpoint.getOperation();
        }
        try {
            return UnityPredictOperation.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Header " + UnityPredictConstants.OPERATION + " is '" + name
                    + "': expected predict, status or download");
        }
    }

    // ---- predict ------------------------------------------------------------------------------------------------

    private CompletableFuture<?> predict(Exchange exchange) {
        Message in = exchange.getMessage();
        String modelId = in.getHeader(UnityPredictConstants.MODEL_ID, configuration.getModelId(), String.class);
        UnityPredictRequest request = requestFrom(exchange);
        boolean wait = in.getHeader(UnityPredictConstants.WAIT_FOR_COMPLETION, configuration.isWaitForCompletion(),
                Boolean.class);
        PendingJobs pendingJobs = endpoint.pendingJobs();
        String jobKey = pendingJobs.keyOf(exchange, "predict:" + modelId);

        String earlierRequest = pendingJobs.find(jobKey);
        if (earlierRequest != null) {
            // this message already started a job (before a restart): wait for it instead of paying again
            LOG.info("Resuming UnityPredict request {} started earlier for this message", earlierRequest);
            // continued on the completion pool: resubmitting may spool a stream, which must not block an I/O thread
            return client.status(earlierRequest)
                    .handleAsync((response, error) -> {
                        if (error == null) {
                            return afterSubmit(exchange, response, wait, jobKey);
                        }
                        if (Failures.isStatus(error, 404)) {
                            // the service no longer knows it: the remembered id is stale, so submit afresh
                            LOG.warn("UnityPredict request {} is unknown to the service; submitting again", earlierRequest);
                            pendingJobs.forget(jobKey);
                            return submit(exchange, modelId, request, wait, jobKey);
                        }
                        return CompletableFuture.<UnityPredictResponse>failedFuture(error);
                    }, runtime().completions())
                    .thenCompose(next -> next);
        }
        return submit(exchange, modelId, request, wait, jobKey);
    }

    private CompletableFuture<UnityPredictResponse> submit(Exchange exchange, String modelId, UnityPredictRequest request,
                                                           boolean wait, String jobKey) {
        Map<String, UploadSource> files = fileInputs(exchange, request);
        CompletableFuture<UnityPredictResponse> submitted = files.isEmpty()
                ? client.predict(modelId, request)
                : submitWithFiles(modelId, request, files);
        return submitted.thenCompose(r -> afterSubmit(exchange, r, wait, jobKey))
                .whenComplete((r, e) -> files.values().forEach(UploadSource::release));
    }

    private CompletableFuture<UnityPredictResponse> submitWithFiles(String modelId, UnityPredictRequest request,
                                                                    Map<String, UploadSource> files) {
        return client.initialize(modelId).thenCompose(init -> {
            String requestId = init.requestId();
            Map<String, Object> values = new LinkedHashMap<>(request.inputValues());
            // one file after the other: bounded connections and buffers whatever the number of inputs
            CompletableFuture<Void> uploads = CompletableFuture.completedFuture(null);
            for (Map.Entry<String, UploadSource> file : files.entrySet()) {
                uploads = uploads.thenCompose(v -> client.uploadLink(requestId, file.getValue().name())
                        .thenCompose(link -> client.upload(link, file.getValue())
                                .thenRun(() -> values.put(file.getKey(), link.fileName()))));
            }
            return uploads.thenCompose(v -> client.predict(modelId, requestId, new UnityPredictRequest(values,
                    request.desiredOutcomes(), request.contextId(), request.callbackUrl())));
        });
    }

    private CompletableFuture<UnityPredictResponse> afterSubmit(Exchange exchange, UnityPredictResponse response,
                                                                boolean wait, String jobKey) {
        setHeaders(exchange.getMessage(), response);
        if (PROCESSING.equals(response.status())) {
            if (!wait) {
                exchange.getMessage().setBody(response);
                return CompletableFuture.completedFuture(response);
            }
            endpoint.pendingJobs().remember(jobKey, response.requestId());
            return poller().await(response.requestId(), configuration.pollSchedule(),
                            () -> client.status(response.requestId()).thenApply(UnityPredictProducer::toJobStatus))
                    .thenCompose(done -> completed(exchange, done, jobKey))
                    .whenComplete((r, e) -> {
                        if (e != null && Failures.cause(e) instanceof InferenceJobFailedException) {
                            endpoint.pendingJobs().forget(jobKey);
                        }
                    });
        }
        return completed(exchange, response, jobKey);
    }

    private CompletableFuture<UnityPredictResponse> completed(Exchange exchange, UnityPredictResponse response,
                                                              String jobKey) {
        setHeaders(exchange.getMessage(), response);
        if (!COMPLETED.equals(response.status())) {
            endpoint.pendingJobs().forget(jobKey);
            String state = response.status() == null ? "None" : response.status();
            String message = response.errorMessages();
            if (message == null || message.isBlank()) {
                message = ERROR.equals(state) ? "the model reported an error without a message"
                        : "the service reported no status (possibly a server error)";
            }
            return CompletableFuture.failedFuture(new InferenceJobFailedException(PROVIDER, response.requestId(), state,
                    message));
        }
        return downloadOutputs(exchange, response).thenApply(files -> {
            endpoint.pendingJobs().forget(jobKey);
            exchange.getMessage().setBody(response);
            return response;
        });
    }

    static JobStatus<UnityPredictResponse> toJobStatus(UnityPredictResponse response) {
        if (COMPLETED.equals(response.status())) {
            return JobStatus.done(COMPLETED, response);
        }
        if (ERROR.equals(response.status())) {
            return JobStatus.failed(ERROR, response.errorMessages());
        }
        return JobStatus.running(response.status() == null ? "None" : response.status());
    }

    // ---- status and download ------------------------------------------------------------------------------------

    private CompletableFuture<?> status(Exchange exchange) {
        String requestId = requestId(exchange, "status");
        return client.status(requestId).thenCompose(response -> {
            setHeaders(exchange.getMessage(), response);
            CompletableFuture<List<File>> files = COMPLETED.equals(response.status())
                    ? downloadOutputs(exchange, response) : CompletableFuture.completedFuture(List.of());
            return files.thenRun(() -> exchange.getMessage().setBody(response));
        });
    }

    private CompletableFuture<?> download(Exchange exchange) {
        Message in = exchange.getMessage();
        String requestId = requestId(exchange, "download");
        String fileName = in.getHeader(UnityPredictConstants.FILE_NAME, String.class);
        if (fileName == null && in.getBody() instanceof String body && !body.isBlank()) {
            fileName = body.strip();
        }
        if (fileName == null || fileName.isBlank()) {
            throw new IllegalArgumentException("unitypredict:download needs the output file name: set the header "
                    + UnityPredictConstants.FILE_NAME + " or put the name in the body");
        }
        Path target = SafeFileNames.resolveInside(outputDirectory(in, true), fileName);
        return client.download(requestId, fileName, target).thenAccept(path -> {
            in.setHeader(UnityPredictConstants.REQUEST_ID, requestId);
            in.setHeader(UnityPredictConstants.OUTPUT_FILES, List.of(path.toFile()));
            in.setBody(path.toFile());
        });
    }

    private String requestId(Exchange exchange, String operation) {
        Message in = exchange.getMessage();
        String id = in.getHeader(UnityPredictConstants.REQUEST_ID, String.class);
        if ((id == null || id.isBlank()) && "status".equals(operation) && in.getBody() instanceof String body) {
            id = body.strip();
        }
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("unitypredict:" + operation + " needs a request id: set the header "
                    + UnityPredictConstants.REQUEST_ID + (("status".equals(operation)) ? " or put the id in the body" : ""));
        }
        return id;
    }

    // ---- outputs ------------------------------------------------------------------------------------------------

    /** Downloads every File outcome into the output directory, when one is configured. */
    private CompletableFuture<List<File>> downloadOutputs(Exchange exchange, UnityPredictResponse response) {
        Message in = exchange.getMessage();
        Path directory = outputDirectory(in, false);
        if (directory == null || response.outcomes() == null) {
            return CompletableFuture.completedFuture(List.of());
        }
        List<CompletableFuture<Path>> downloads = new ArrayList<>();
        for (List<UnityPredictOutcome> values : response.outcomes().values()) {
            for (UnityPredictOutcome outcome : values) {
                if (outcome.isFile() && outcome.value() != null) {
                    String name = outcome.value().toString();
                    Path target = SafeFileNames.resolveInside(directory, name);
                    downloads.add(client.download(response.requestId(), name, target));
                }
            }
        }
        return CompletableFuture.allOf(downloads.toArray(CompletableFuture[]::new)).thenApply(v -> {
            List<File> files = downloads.stream().map(f -> f.join().toFile()).toList();
            in.setHeader(UnityPredictConstants.OUTPUT_FILES, files);
            return files;
        });
    }

    private Path outputDirectory(Message in, boolean required) {
        String dir = in.getHeader(UnityPredictConstants.OUTPUT_DIRECTORY, configuration.getOutputDirectory(),
                String.class);
        if (dir == null || dir.isBlank()) {
            if (!required) {
                return null;
            }
            dir = runtime().tempDirectory().toString();
        }
        try {
            return Files.createDirectories(Paths.get(dir));
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot create the output directory " + dir + ": " + e.getMessage(), e);
        }
    }

    // ---- input --------------------------------------------------------------------------------------------------

    /** Builds the request from the body (Map, JSON String, request record or file) and the header/option overrides. */
    UnityPredictRequest requestFrom(Exchange exchange) {
        Message in = exchange.getMessage();
        Object body = in.getBody();
        UnityPredictRequest request;
        if (body instanceof UnityPredictRequest r) {
            request = r;
        } else if (body instanceof Map<?, ?> map) {
            request = UnityPredictRequest.of(stringKeys(map));
        } else if (UploadSource.isUploadable(body)) {
            String input = in.getHeader(UnityPredictConstants.FILE_INPUT_NAME, configuration.getFileInputName(),
                    String.class);
            if (input == null || input.isBlank()) {
                throw new IllegalArgumentException("unitypredict:predict got a file body (" + body.getClass().getSimpleName()
                        + ") but no fileInputName: set fileInputName to the model's File input variable, or send a Map"
                        + " of input values");
            }
            Map<String, Object> values = new LinkedHashMap<>();
            values.put(input, body);
            request = UnityPredictRequest.of(values);
        } else if (body instanceof String text) {
            request = parseJson(text);
        } else if (body == null) {
            throw new IllegalArgumentException("unitypredict:predict needs input values but the body is empty: send a"
                    + " Map of inputs, a JSON object, a UnityPredictRequest, or a file with fileInputName set");
        } else {
            request = UnityPredictRequest.of(stringKeys(Json.convert(body, Map.class)));
        }
        if (request.inputValues() == null) {
            throw new IllegalArgumentException("unitypredict:predict needs InputValues; the request had none");
        }
        return new UnityPredictRequest(request.inputValues(), desiredOutcomes(in, request),
                in.getHeader(UnityPredictConstants.CONTEXT_ID,
                        request.contextId() != null ? request.contextId() : configuration.getContextId(), String.class),
                request.callbackUrl() != null ? request.callbackUrl() : configuration.getCallbackUrl());
    }

    private static UnityPredictRequest parseJson(String text) {
        Map<String, Object> map;
        try {
            map = stringKeys(Json.mapper().readValue(text, Map.class));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unitypredict:predict expects a String body to be a JSON object: input"
                    + " values like {\"Age\": 61, \"Chol\": 120}, or {\"InputValues\": {...}, \"DesiredOutcomes\":"
                    + " [...]}; it is not valid JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (map.containsKey("InputValues")) {
            return Json.convert(map, UnityPredictRequest.class);
        }
        return UnityPredictRequest.of(map);
    }

    private List<String> desiredOutcomes(Message in, UnityPredictRequest request) {
        Object header = in.getHeader(UnityPredictConstants.DESIRED_OUTCOMES);
        if (header instanceof List<?> list) {
            return list.stream().map(Object::toString).toList();
        }
        String names = header != null ? header.toString() : null;
        if (names == null && request.desiredOutcomes() != null) {
            return request.desiredOutcomes();
        }
        if (names == null) {
            names = configuration.getDesiredOutcomes();
        }
        if (names == null || names.isBlank()) {
            return null;
        }
        return Arrays.stream(names.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The inputs that are file content, as upload sources with a known length. */
    private Map<String, UploadSource> fileInputs(Exchange exchange, UnityPredictRequest request) {
        Map<String, UploadSource> files = new LinkedHashMap<>();
        String fileName = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
        for (Map.Entry<String, Object> input : request.inputValues().entrySet()) {
            if (UploadSource.isUploadable(input.getValue())) {
                String fallback = fileName != null ? fileName : input.getKey().replaceAll("[^A-Za-z0-9._-]", "_");
                UploadSource source = UploadSource.from(input.getValue(), fallback,
                        exchange.getContext().getTypeConverter());
                files.put(input.getKey(), source.withKnownLength(runtime().tempDirectory()));
            }
        }
        return files;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        for (Object key : map.keySet()) {
            if (!(key instanceof String)) {
                throw new IllegalArgumentException("unitypredict:predict input names must be Strings, found key "
                        + key + " of type " + (key == null ? "null" : key.getClass().getSimpleName()));
            }
        }
        return (Map<String, Object>) map;
    }

    private static void setHeaders(Message message, UnityPredictResponse response) {
        message.setHeader(UnityPredictConstants.REQUEST_ID, response.requestId());
        message.setHeader(UnityPredictConstants.CONTEXT_ID, response.contextId());
        message.setHeader(UnityPredictConstants.STATUS, response.status());
        message.setHeader(UnityPredictConstants.COMPUTE_COST, response.computeCost());
        message.setHeader(UnityPredictConstants.COMPUTE_TIME, response.computeTime());
        message.setHeader(UnityPredictConstants.COMPUTE_TIME_CHARGED, response.computeTimeCharged());
        if (response.errorMessages() != null && !response.errorMessages().isBlank()) {
            message.setHeader(UnityPredictConstants.ERROR_MESSAGES, response.errorMessages());
        }
    }
}
