package io.camelinference.deepomatic.binding;

import java.util.Collection;
import java.util.List;

import io.camelinference.common.job.JobKeys;
import io.camelinference.common.operation.Binding;
import io.camelinference.common.operation.MessageValues;
import io.camelinference.deepomatic.DeepomaticConfiguration;
import io.camelinference.deepomatic.DeepomaticConstants;
import io.camelinference.deepomatic.model.DeepomaticBox;
import io.camelinference.deepomatic.operation.ImageInput;
import io.camelinference.deepomatic.operation.InferenceCall;
import io.camelinference.deepomatic.operation.InferenceOptions;
import io.camelinference.deepomatic.operation.InferenceOutcome;
import io.camelinference.deepomatic.operation.TaskIds;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** {@code deepomatic:inference}: the body and headers to an {@link InferenceCall}; the results to body and headers. */
public final class InferenceBinding implements Binding<InferenceCall, InferenceOutcome> {

    /** The call of an exchange in flight, so that a failure can still name its spec, image count and tasks. */

    private final DeepomaticConfiguration configuration;
    private final String jobKeyHeader;

    public InferenceBinding(DeepomaticConfiguration configuration, String jobKeyHeader) {
        this.configuration = configuration;
        this.jobKeyHeader = jobKeyHeader;
    }

    @Override
    public InferenceCall read(Exchange exchange) {
        Message in = exchange.getMessage();
        String specId = SpecIds.required(in, configuration, "deepomatic:inference");
        boolean isPublic = SpecIds.isPublic(in, configuration, specId);
        List<ImageInput> images = ImageInputs.read(exchange, in.getBody());
        InferenceOptions options = options(in);
        boolean wait = MessageValues.option(in, DeepomaticConstants.WAIT_FOR_COMPLETION,
                configuration.isWaitForCompletion(), Boolean.class);
        InferenceCall call = new InferenceCall(specId, isPublic, images, !(in.getBody() instanceof Collection<?>),
                options, wait, JobKeys.of(exchange, jobKeyHeader, "inference:" + specId), new TaskIds(images.size()));
        return call;
    }

    private InferenceOptions options(Message in) {
        Integer max = MessageValues.option(in, DeepomaticConstants.MAX_PREDICTIONS, configuration.getMaxPredictions(),
                Integer.class);
        if (max != null && max < 1) {
            throw new IllegalArgumentException("deepomatic maxPredictions (option maxPredictions or header "
                    + DeepomaticConstants.MAX_PREDICTIONS + ") must be at least 1, was " + max);
        }
        String bbox = MessageValues.option(in, DeepomaticConstants.BBOX, configuration.getBbox(), String.class);
        boolean showDiscarded = MessageValues.option(in, DeepomaticConstants.SHOW_DISCARDED,
                configuration.isShowDiscarded(), Boolean.class);
        return new InferenceOptions(showDiscarded, max, bbox == null || bbox.isBlank() ? null : DeepomaticBox.parse(bbox));
    }

    @Override
    public void write(Exchange exchange, InferenceOutcome outcome) {
        ResultHeaders.write(exchange.getMessage(), outcome);
    }

    @Override
    public void failed(Exchange exchange, InferenceCall call, Throwable error) {
        ResultHeaders.failed(exchange.getMessage(), call, error);
    }
}
