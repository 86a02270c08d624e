package io.camelinference.deepomatic.binding;

import java.util.Collection;
import java.util.List;

import io.camelinference.common.job.JobKeys;
import io.camelinference.common.operation.Binding;
import io.camelinference.common.operation.MessageValues;
import io.camelinference.deepomatic.DeepomaticConfiguration;
import io.camelinference.deepomatic.DeepomaticConstants;
import io.camelinference.deepomatic.model.DeepomaticBox;
import io.camelinference.deepomatic.model.DeepomaticPoint;
import io.camelinference.deepomatic.operation.ImageInput;
import io.camelinference.deepomatic.operation.InferenceCall;
import io.camelinference.deepomatic.operation.InferenceOptions;
import io.camelinference.deepomatic.operation.InferenceOutcome;
import io.camelinference.deepomatic.operation.TaskIds;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * {@code deepomatic:inference}: the body and headers to an {@link InferenceCall} (on a specification, or on a
 * recognition version); the results to body and headers.
 */
public final class InferenceBinding implements Binding<InferenceCall, InferenceOutcome> {

    private final DeepomaticConfiguration configuration;
    private final String jobKeyHeader;

    public InferenceBinding(DeepomaticConfiguration configuration, String jobKeyHeader) {
        this.configuration = configuration;
        this.jobKeyHeader = jobKeyHeader;
    }

    @Override
    public InferenceCall read(Exchange exchange) {
        Message in = exchange.getMessage();
        String versionId = versionId(in);
        String specId = versionId != null ? null : specId(in);
        boolean isPublic = specId != null && SpecIds.isPublic(in, configuration, specId);
        List<ImageInput> images = ImageInputs.read(exchange, in.getBody());
        InferenceOptions options = options(in);
        boolean wait = MessageValues.option(in, DeepomaticConstants.WAIT_FOR_COMPLETION,
                configuration.isWaitForCompletion(), Boolean.class);
        // spec keys keep their form across versions of the component: a restarted application finds its tasks
        String scope = versionId != null ? "inference:version:" + versionId : "inference:" + specId;
        return new InferenceCall(specId, isPublic, versionId, images, !(in.getBody() instanceof Collection<?>),
                options, wait, JobKeys.of(exchange, jobKeyHeader, scope), new TaskIds(images.size()));
    }

    /**
     * The version to run, when the message names one: its headers first (a version header over a spec header), then
     * the options (versionId over specId).
     */
    private String versionId(Message in) {
        String version = in.getHeader(DeepomaticConstants.VERSION_ID, String.class);
        if (version != null && !version.isBlank()) {
            return version.strip();
        }
        String spec = in.getHeader(DeepomaticConstants.SPEC_ID, String.class);
        if (spec != null && !spec.isBlank()) {
            return null;
        }
        String option = configuration.getVersionId();
        return option == null || option.isBlank() ? null : option.strip();
    }

    private String specId(Message in) {
        try {
            return SpecIds.required(in, configuration, "deepomatic:inference");
        } catch (IllegalArgumentException none) {
            throw new IllegalArgumentException(none.getMessage() + "; or, to run a recognition version, the option"
                    + " versionId or the header " + DeepomaticConstants.VERSION_ID);
        }
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
        Object polygon = in.getHeader(DeepomaticConstants.POLYGON);
        if (polygon == null || polygon.toString().isBlank()) {
            polygon = configuration.getPolygon();
        }
        boolean crop = MessageValues.option(in, DeepomaticConstants.CROP_UNIFORM_BACKGROUND,
                configuration.isCropUniformBackground(), Boolean.class);
        return new InferenceOptions(showDiscarded, max, bbox == null || bbox.isBlank() ? null : DeepomaticBox.parse(bbox),
                polygon == null || polygon.toString().isBlank() ? null : polygon(polygon), crop);
    }

    private static List<DeepomaticPoint> polygon(Object value) {
        try {
            return DeepomaticPoint.polygon(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("deepomatic " + e.getMessage() + " (option polygon or header "
                    + DeepomaticConstants.POLYGON + ")", e);
        }
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
