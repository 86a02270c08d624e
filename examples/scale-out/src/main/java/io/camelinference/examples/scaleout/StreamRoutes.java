package io.camelinference.examples.scaleout;

import io.camelinference.commsmining.CommsMiningConstants;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * The Communications Mining stream, on one replica at a time: {@code master:} runs the stream consumer only on the
 * replica that holds the cluster service's leadership (a file lock locally, a Kubernetes lease in production); when
 * that replica dies, another takes the leadership and goes on from the stream's position on the service, which the
 * consumer advances only after a whole batch went through. The comments of a batch the leader was killed in come
 * again; those already sent are filtered by their uid (a JDBC idempotent repository, recorded on completion).
 */
public final class StreamRoutes extends RouteBuilder {

    private final ReplicaStats stats;

    public StreamRoutes(ReplicaStats stats) {
        this.stats = stats;
    }

    @Override
    public void configure() {
        from("master:{{scaleout.stream-namespace}}:commsmining:stream?project={{commsmining.project}}"
                + "&dataset={{commsmining.dataset}}&stream={{commsmining.stream}}&fetchSize={{commsmining.fetch-size}}"
                + "&delay={{commsmining.poll-delay-ms}}")
                .routeId("scale-out-stream")
                .idempotentConsumer(header(CommsMiningConstants.COMMENT_UID)).idempotentRepository("streamSeen")
                .eager(false)
                    .setHeader(KafkaConstants.KEY, header(CommsMiningConstants.COMMENT_UID))
                    .removeHeaders("CamelCommsMining*")
                    .setHeader("replica", simple("{{scaleout.replica}}"))
                    .marshal().json()
                    .to("kafka:{{scaleout.comments-topic}}?brokers={{kafka.brokers}}")
                    .process(e -> stats.comment())
                .end();
    }
}
