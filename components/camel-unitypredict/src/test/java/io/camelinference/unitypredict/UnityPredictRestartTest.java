package io.camelinference.unitypredict;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camelinference.emulator.EmulatorExtension;
import io.camelinference.unitypredict.model.UnityPredictResponse;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.state.FileStateRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** A job pending when the application stops is resumed, not paid for again, when the same message comes back. */
class UnityPredictRestartTest {

    @RegisterExtension
    static EmulatorExtension emulator = EmulatorExtension.with(b -> b.slowModelMillis(3000));

    @TempDir
    Path dir;

    private CamelContext start(Path stateFile) throws Exception {
        CamelContext context = new DefaultCamelContext();
        context.getRegistry().bind("jobs", FileStateRepository.fileStateRepository(stateFile.toFile()));
        UnityPredictComponent component = new UnityPredictComponent();
        component.getConfiguration().setBaseUrl(emulator.baseUrl() + "/api");
        component.getConfiguration().setPollMaxInterval(200);
        context.addComponent("unitypredict", component);
        context.getShutdownStrategy().setTimeout(1);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").routeId("in").to("unitypredict:predict?modelId=sentiment-slow&stateRepository=#jobs");
            }
        });
        context.start();
        return context;
    }

    private static CompletableFuture<Exchange> send(CamelContext context) {
        ProducerTemplate template = context.createProducerTemplate();
        return template.asyncSend("direct:in", e -> {
            e.getMessage().setBody(Map.of("Text", "a lovely great result"));
            e.getMessage().setHeader(UnityPredictConstants.JOB_KEY, "order-42");
        });
    }

    @Test
    void aRestartResumesThePendingJobInsteadOfSubmittingAgain() throws Exception {
        Path stateFile = dir.resolve("pending-jobs.dat");

        CamelContext first = start(stateFile);
        CompletableFuture<Exchange> interrupted = send(first);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (emulator.stats().jobs("unitypredict", "Processing") == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        first.stop();
        assertThat(interrupted.get(10, TimeUnit.SECONDS).getException()).isInstanceOf(CancellationException.class);
        String firstRequest = interrupted.get().getMessage().getHeader(UnityPredictConstants.REQUEST_ID, String.class);

        CamelContext second = start(stateFile);
        try {
            Exchange resumed = send(second).get(20, TimeUnit.SECONDS);
            assertThat(resumed.getException()).isNull();
            assertThat(resumed.getMessage().getBody(UnityPredictResponse.class).status()).isEqualTo("Completed");
            assertThat(resumed.getMessage().getHeader(UnityPredictConstants.REQUEST_ID)).isEqualTo(firstRequest);
            assertThat(emulator.stats().calls("unitypredict", "POST /api/predict/{modelId}")).isEqualTo(1);
            assertThat(emulator.stats().billedUnits("unitypredict")).isEqualTo(1);

            // once finished, the key is released: the same key later is a new job
            Exchange again = send(second).get(20, TimeUnit.SECONDS);
            assertThat(again.getMessage().getHeader(UnityPredictConstants.REQUEST_ID)).isNotEqualTo(firstRequest);
            assertThat(emulator.stats().billedUnits("unitypredict")).isEqualTo(2);
        } finally {
            second.stop();
        }
    }

    @Test
    void aRememberedRequestTheServiceNoLongerKnowsIsSubmittedAfresh() throws Exception {
        Path stateFile = dir.resolve("stale-jobs.dat");
        FileStateRepository stale = FileStateRepository.fileStateRepository(stateFile.toFile());
        stale.start();
        stale.setState("predict:sentiment-slow|order-42", "request-purged-long-ago");
        stale.stop();

        CamelContext context = start(stateFile);
        try {
            Exchange out = send(context).get(20, TimeUnit.SECONDS);
            assertThat(out.getException()).isNull();
            assertThat(out.getMessage().getHeader(UnityPredictConstants.STATUS)).isEqualTo("Completed");
            assertThat(emulator.stats().billedUnits("unitypredict")).isEqualTo(1);
        } finally {
            context.stop();
        }
    }
}
