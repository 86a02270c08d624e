package io.camelinference.annolab.binding;

import java.util.List;

import io.camelinference.annolab.AnnoLabConfiguration;
import io.camelinference.annolab.AnnoLabConstants;
import io.camelinference.annolab.operation.Document;
import io.camelinference.annolab.operation.InferCall;
import io.camelinference.annolab.operation.Progress;
import io.camelinference.annolab.operation.InferResult;
import io.camelinference.annolab.operation.Target;
import io.camelinference.common.job.JobKeys;
import io.camelinference.common.operation.Binding;
import io.camelinference.common.operation.MessageValues;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * {@code annolab:infer}: the target, the document (or source ids) and the message's key to an {@link InferCall};
 * the annotations (or the job) to the body, and the sources, job and export to headers, on success and on failure.
 */
public final class InferBinding implements Binding<InferCall, InferResult> {

    private final AnnoLabConfiguration configuration;
    private final String jobKeyHeader;

    public InferBinding(AnnoLabConfiguration configuration, String jobKeyHeader) {
        this.configuration = configuration;
        this.jobKeyHeader = jobKeyHeader;
    }

    @Override
    public InferCall read(Exchange exchange) {
        Message in = exchange.getMessage();
        Target target = Targets.of(in, configuration, "infer", true);
        List<Long> sourceIds = Targets.sourceIds(in.getBody(), "infer");
        Document document = sourceIds == null ? DocumentReader.read(exchange, "infer") : null;
        boolean wait = MessageValues.option(in, AnnoLabConstants.WAIT_FOR_COMPLETION,
                configuration.isWaitForCompletion(), Boolean.class);
        String key = JobKeys.of(exchange, jobKeyHeader, "infer:" + target.group() + "/" + target.project() + ":"
                + target.model() + ":" + target.layer());
        return new InferCall(target, document, sourceIds, wait, configuration.isFetchResults(), key,
                new Progress());
    }

    @Override
    public void write(Exchange exchange, InferCall call, InferResult result) {
        ProgressHeaders.write(exchange, call.progress());
        Message out = exchange.getMessage();
        if (result.annotations() != null) {
            AnnotationHeaders.write(out, result.annotations());
            out.setBody(result.annotations());
        } else {
            out.setBody(result.job());
        }
    }

    @Override
    public void failed(Exchange exchange, InferCall call, Throwable error) {
        ProgressHeaders.write(exchange, call.progress());
    }
}
