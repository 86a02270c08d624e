package io.camelinference.annolab.binding;

import java.util.List;

import io.camelinference.annolab.AnnoLabConfiguration;
import io.camelinference.annolab.AnnoLabConstants;
import io.camelinference.annolab.model.AnnoLabSource;
import io.camelinference.annolab.operation.CreateSourceCall;
import io.camelinference.common.operation.Binding;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** {@code annolab:create-source}: the document to a source; the source to the body, its id and name to headers. */
public final class CreateSourceBinding implements Binding<CreateSourceCall, AnnoLabSource> {

    private final AnnoLabConfiguration configuration;

    public CreateSourceBinding(AnnoLabConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public CreateSourceCall read(Exchange exchange) {
        return new CreateSourceCall(Targets.of(exchange.getMessage(), configuration, "create-source", false),
                DocumentReader.read(exchange, "create-source"));
    }

    @Override
    public void write(Exchange exchange, AnnoLabSource source) {
        Message out = exchange.getMessage();
        out.setHeader(AnnoLabConstants.SOURCE_IDS, List.of(source.id()));
        out.setHeader(AnnoLabConstants.SOURCE_NAME, source.name() != null ? source.name() : source.sourceName());
        out.setBody(source);
    }
}
