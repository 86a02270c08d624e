package io.camelinference.annolab.binding;

import io.camelinference.annolab.AnnoLabConfiguration;
import io.camelinference.annolab.AnnoLabConstants;
import io.camelinference.annolab.model.AnnoLabSource;
import io.camelinference.annolab.model.ServiceMessage;
import io.camelinference.annolab.operation.SourceRef;
import io.camelinference.common.operation.Binding;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/** Reads and writes the messages of get-source and delete-source. */
public final class SourceBindings {

    private final AnnoLabConfiguration c;

    public SourceBindings(AnnoLabConfiguration configuration) {
        this.c = configuration;
    }

    public Binding<SourceRef, AnnoLabSource> get() {
        return Binding.of(ex -> Refs.source(ex.getMessage(), c, "annolab:get-source", true, true), (ex, source) -> {
            Message out = ex.getMessage();
            out.setHeader(AnnoLabConstants.SOURCE_ID, source.id());
            out.setHeader(AnnoLabConstants.SOURCE_NAME, source.name() != null ? source.name() : source.sourceName());
            out.setBody(source);
        });
    }

    public Binding<SourceRef, ServiceMessage> delete() {
        return new Binding<>() {
            @Override
            public SourceRef read(Exchange ex) {
                return Refs.source(ex.getMessage(), c, "annolab:delete-source", true, true);
            }

            @Override
            public void write(Exchange ex, SourceRef source, ServiceMessage message) {
                if (source.id() != null) {
                    ex.getMessage().setHeader(AnnoLabConstants.SOURCE_ID, source.id());
                }
                ex.getMessage().setBody(message);
            }
        };
    }
}
