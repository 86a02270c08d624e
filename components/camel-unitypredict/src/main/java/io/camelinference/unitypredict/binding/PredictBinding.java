package io.camelinference.unitypredict.binding;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;

import io.camelinference.common.job.JobKeys;
import io.camelinference.common.operation.Binding;
import io.camelinference.common.operation.MessageValues;
import io.camelinference.unitypredict.UnityPredictConfiguration;
import io.camelinference.unitypredict.UnityPredictConstants;
import io.camelinference.unitypredict.consumer.CallbackUrls;
import io.camelinference.unitypredict.model.UnityPredictRequest;
import io.camelinference.unitypredict.operation.PredictCall;
import io.camelinference.unitypredict.operation.PredictResult;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** {@code unitypredict:predict}: the body and headers to a {@link PredictCall}; the result to body and headers. */
public final class PredictBinding implements Binding<PredictCall, PredictResult> {

    private final UnityPredictConfiguration configuration;
    private final String jobKeyHeader;

    public PredictBinding(UnityPredictConfiguration configuration, String jobKeyHeader) {
        this.configuration = configuration;
        this.jobKeyHeader = jobKeyHeader;
    }

    @Override
    public PredictCall read(Exchange exchange) {
        Message in = exchange.getMessage();
        String modelId = MessageValues.required(in, UnityPredictConstants.MODEL_ID, configuration.getModelId(),
                "unitypredict:predict", "modelId");
        String fileInput = MessageValues.option(in, UnityPredictConstants.FILE_INPUT_NAME,
                configuration.getFileInputName(), String.class);
        UnityPredictRequest body = PredictInputs.read(in, fileInput);
        UnityPredictRequest request = new UnityPredictRequest(body.inputValues(), desiredOutcomes(in, body),
                MessageValues.option(in, UnityPredictConstants.CONTEXT_ID,
                        body.contextId() != null ? body.contextId() : configuration.getContextId(), String.class),
                CallbackUrls.forPredict(body.callbackUrl(), configuration.getCallbackUrl(),
                        configuration.getCallbackToken()));
        boolean wait = MessageValues.option(in, UnityPredictConstants.WAIT_FOR_COMPLETION,
                configuration.isWaitForCompletion(), Boolean.class);
        return new PredictCall(modelId, request, PredictInputs.files(request, in), wait,
                JobKeys.of(exchange, jobKeyHeader, "predict:" + modelId), outputDirectory(in, configuration));
    }

    @Override
    public void write(Exchange exchange, PredictResult result) {
        ResponseHeaders.write(exchange.getMessage(), result);
    }

    @Override
    public void failed(Exchange exchange, Throwable error) {
        ResponseHeaders.failed(exchange.getMessage(), error);
    }

    private List<String> desiredOutcomes(Message in, UnityPredictRequest request) {
        Object header = in.getHeader(UnityPredictConstants.DESIRED_OUTCOMES);
        if (header != null) {
            return MessageValues.list(header);
        }
        if (request.desiredOutcomes() != null) {
            return request.desiredOutcomes();
        }
        String names = configuration.getDesiredOutcomes();
        if (names == null || names.isBlank()) {
            return null;
        }
        return Arrays.stream(names.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The header's or option's output directory, or null when File outcomes stay on the service. */
    static Path outputDirectory(Message in, UnityPredictConfiguration configuration) {
        String dir = MessageValues.option(in, UnityPredictConstants.OUTPUT_DIRECTORY, configuration.getOutputDirectory(),
                String.class);
        return dir == null || dir.isBlank() ? null : Paths.get(dir);
    }
}
