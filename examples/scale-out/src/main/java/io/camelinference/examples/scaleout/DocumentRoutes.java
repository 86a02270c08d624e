package io.camelinference.examples.scaleout;

import io.camelinference.common.job.JobAlreadyCompletedException;
import io.camelinference.common.job.JobClaimedException;
import io.camelinference.jdbc.JobStoreUnavailableException;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.kafka.KafkaConstants;

/**
 * The replica's pipeline, the same on every replica: documents from a Kafka topic (record key = document id), a
 * prediction each (UnityPredict {@code predict} on a JSON document, or Deepomatic {@code inference} on an image),
 * results to the output topic, failures to the failed topic, in one transaction with the input offsets
 * ({@link RecordBatch}). The document id is the job key, so a record redelivered to another replica resumes the job
 * its first holder started, and a copy of a completed document is not run again.
 * <p>
 * Per document: already completed elsewhere, skipped; held by another live replica, retried until that replica's
 * claim ends or lapses (then the job is taken over), else left to it; the job store out of reach, retried, then the
 * batch fails and is read again; anything else (the service failed the job, an unknown outcome, bad input) goes to the
 * failed topic with the reason.
 */
public final class DocumentRoutes extends RouteBuilder {

    @Override
    public void configure() {
        String service = getContext().resolvePropertyPlaceholders("{{scaleout.service}}");

        from("kafka:{{scaleout.input-topic}}?brokers={{kafka.brokers}}&groupId={{scaleout.group}}"
                + "&batching=true&maxPollRecords={{scaleout.batch-size}}&pollTimeoutMs=200"
                + "&autoOffsetReset=earliest&autoCommitEnable=false&allowManualCommit=true"
                + "&kafkaManualCommitFactory=#recordCommits&breakOnFirstError=true"
                + "&valueDeserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer"
                + "&sessionTimeoutMs={{scaleout.session-timeout-ms}}&heartbeatIntervalMs=1000"
                + "&partitionAssignor=org.apache.kafka.clients.consumer.CooperativeStickyAssignor")
                .routeId("scale-out-documents")
                .process("recordBatch");

        // the document route's own error handling: the batch route must see a failed batch as failed
        var document = from("direct:document").routeId("scale-out-document")
                .onException(JobAlreadyCompletedException.class).handled(true)
                    .setProperty(Outcome.PROPERTY, constant(Outcome.SKIPPED))
                    .log(LoggingLevel.INFO, "Document ${exchangeProperty.ScaleOutDocument} already completed: this"
                            + " copy is skipped")
                .end()
                .onException(JobClaimedException.class)
                    .maximumRedeliveries("{{scaleout.claim-retries:60}}").redeliveryDelay(500).useExponentialBackOff()
                    .backOffMultiplier(1.5).maximumRedeliveryDelay(5000).retryAttemptedLogLevel(LoggingLevel.DEBUG)
                    .handled(true).setProperty(Outcome.PROPERTY, constant(Outcome.LEFT_TO_HOLDER))
                    .log(LoggingLevel.WARN, "Document ${exchangeProperty.ScaleOutDocument} is still run by another"
                            + " replica: left to it")
                .end()
                .onException(JobStoreUnavailableException.class)
                    .maximumRedeliveries(5).redeliveryDelay(1000).useExponentialBackOff().handled(false)
                .end()
                .onException(Exception.class).handled(true)
                    .setProperty(Outcome.PROPERTY, constant(Outcome.FAILED))
                    .process(e -> {
                        Exception caught = e.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
                        e.setProperty(Outcome.REASON, caught.getClass().getSimpleName() + ": " + caught.getMessage());
                    })
                    .log(LoggingLevel.WARN, "Document ${exchangeProperty.ScaleOutDocument} failed: ${exception.message}")
                .end()
                .setProperty("ScaleOutDocument", header(KafkaConstants.KEY))
                .setProperty(Outcome.ORIGINAL, body());
        if ("deepomatic".equals(service)) {
            document.setHeader("CamelDeepomaticJobKey", header(KafkaConstants.KEY))
                    .to("deepomatic:inference?specId={{deepomatic.spec-id}}");
        } else if ("unitypredict".equals(service)) {
            document.setHeader("CamelUnityPredictJobKey", header(KafkaConstants.KEY))
                    .convertBodyTo(String.class)
                    .to("unitypredict:predict?modelId={{unitypredict.model-id}}");
        } else {
            throw new IllegalArgumentException("scaleout.service must be unitypredict or deepomatic, was " + service);
        }
        document.marshal().json()
                .setProperty(Outcome.PROPERTY, constant(Outcome.RESULT));
    }
}
