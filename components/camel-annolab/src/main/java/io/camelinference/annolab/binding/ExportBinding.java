package io.camelinference.annolab.binding;

import java.util.List;

import io.camelinference.annolab.AnnoLabConfiguration;
import io.camelinference.annolab.AnnoLabConstants;
import io.camelinference.annolab.operation.ExportCall;
import io.camelinference.annolab.operation.Progress;
import io.camelinference.annolab.operation.ExportResult;
import io.camelinference.annolab.operation.Target;
import io.camelinference.common.operation.Binding;
import io.camelinference.common.operation.MessageValues;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * {@code annolab:export}: the sources from the body (a List of ids) or the CamelAnnoLabSourceIds header, the layers
 * from CamelAnnoLabAnnotationLayerNames or the output layer's name; the zip (with an output directory), the annotation
 * records, or (fullExport) every record of the zip to the body.
 */
public final class ExportBinding implements Binding<ExportCall, ExportResult> {

    private final AnnoLabConfiguration configuration;

    public ExportBinding(AnnoLabConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public ExportCall read(Exchange exchange) {
        Message in = exchange.getMessage();
        Target target = Targets.of(in, configuration, "export", false);
        List<Long> sourceIds = Targets.sourceIds(in.getBody(), "export");
        Object header = in.getHeader(AnnoLabConstants.SOURCE_IDS);
        if (sourceIds == null && header != null) {
            sourceIds = Targets.sourceIds(header instanceof String ? MessageValues.list(header) : header, "export");
        }
        List<String> layers = MessageValues.list(in.getHeader(AnnoLabConstants.ANNOTATION_LAYER_NAMES));
        if (layers.isEmpty()) {
            layers = target.layerIsName() ? List.of(target.layer().strip()) : null;
        }
        return new ExportCall(target, sourceIds, layers, Targets.outputDirectory(in, configuration),
                new ExportCall.Files(configuration.isIncludeAnnotationTypes(), configuration.isIncludeSources(),
                        configuration.isIncludeTextBounds()), configuration.isFullExport(), new Progress());
    }

    @Override
    public void write(Exchange exchange, ExportCall call, ExportResult result) {
        ProgressHeaders.write(exchange, call.progress());
        Message out = exchange.getMessage();
        if (result.zip() != null) {
            out.setHeader(AnnoLabConstants.EXPORT_FILE, result.zip());
            out.setBody(result.zip());
        } else if (result.contents() != null) {
            AnnotationHeaders.write(out, result.contents().annotations());
            out.setHeader(AnnoLabConstants.RELATION_COUNT, result.contents().relations().size());
            out.setBody(result.contents());
        } else {
            AnnotationHeaders.write(out, result.annotations());
            out.setBody(result.annotations());
        }
    }

    @Override
    public void failed(Exchange exchange, ExportCall call, Throwable error) {
        ProgressHeaders.write(exchange, call.progress());
    }
}
