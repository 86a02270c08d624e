package io.camelinference.annolab.binding;

import io.camelinference.annolab.AnnoLabConstants;
import io.camelinference.annolab.model.InferenceJob;
import io.camelinference.common.operation.Binding;
import io.camelinference.common.operation.MessageValues;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** {@code annolab:status}: the job id from its header or the body; the job to the body and its state to headers. */
public final class StatusBinding implements Binding<Long, InferenceJob> {

    @Override
    public Long read(Exchange exchange) {
        String id = MessageValues.id(exchange.getMessage(), AnnoLabConstants.JOB_ID, "annolab:status",
                "an inference job id");
        if (!id.matches("\\d{1,18}")) {
            throw new IllegalArgumentException("annolab:status needs an inference job id (a number); '" + id
                    + "' is not one");
        }
        return Long.parseLong(id);
    }

    @Override
    public void write(Exchange exchange, InferenceJob job) {
        Message out = exchange.getMessage();
        out.setHeader(AnnoLabConstants.JOB_ID, job.inferenceJobId());
        out.setHeader(AnnoLabConstants.STATUS, job.status());
        if (job.sourceIds() != null) {
            out.setHeader(AnnoLabConstants.SOURCE_IDS, job.sourceIds());
        }
        if (job.outputLayerName() != null) {
            out.setHeader(AnnoLabConstants.OUTPUT_LAYER_NAME, job.outputLayerName());
        }
        out.setBody(job);
    }
}
