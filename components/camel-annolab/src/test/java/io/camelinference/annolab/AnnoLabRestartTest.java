package io.camelinference.annolab;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.camelinference.common.job.FileJobStore;
import io.camelinference.emulator.EmulatorExtension;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static io.camelinference.annolab.AnnoLabTestSupport.CREATE_TEXT;
import static io.camelinference.annolab.AnnoLabTestSupport.ENTITIES;
import static io.camelinference.annolab.AnnoLabTestSupport.INFER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A job pending when the application stops is resumed, not paid for again, when the same message comes back. */
class AnnoLabRestartTest {

    @RegisterExtension
    static EmulatorExtension emulator = EmulatorExtension.with(b -> b.slowModelMillis(3000));

    @TempDir
    Path dir;

    private CamelContext start() throws Exception {
        CamelContext context = new DefaultCamelContext();
        AnnoLabComponent component = new AnnoLabComponent();
        component.getConfiguration().setBaseUrl(emulator.baseUrl());
        component.getConfiguration().setPollInitialDelay(100);
        component.getConfiguration().setPollMaxInterval(200);
        context.addComponent("annolab", component);
        context.getShutdownStrategy().setTimeout(1);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:in").routeId("in").to(ENTITIES + "&jobStoreFile=" + dir.resolve("annolab.jobs"));
            }
        });
        context.start();
        return context;
    }

    private static CompletableFuture<Exchange> send(CamelContext context) {
        return context.createProducerTemplate().asyncSend("direct:in", e -> {
            e.getMessage().setBody("Acme Corporation invoices Initech");
            e.getMessage().setHeader(AnnoLabConstants.JOB_KEY, "order-42");
        });
    }

    private static long calls(String route) {
        return emulator.stats().calls("annolab", route);
    }

    @Test
    void aRestartResumesThePendingJobInsteadOfCreatingAndPayingAgain() throws Exception {
        CamelContext first = start();
        CompletableFuture<Exchange> interrupted = send(first);
        await().atMost(Duration.ofSeconds(10)).until(() -> calls(INFER) == 1);
        first.stop();
        Exchange stopped = interrupted.get(10, TimeUnit.SECONDS);
        assertThat(stopped.getException()).isInstanceOf(CancellationException.class);
        Long firstJob = stopped.getMessage().getHeader(AnnoLabConstants.JOB_ID, Long.class);
        assertThat(firstJob).isNotNull();

        CamelContext second = start();
        try {
            Exchange resumed = send(second).get(30, TimeUnit.SECONDS);
            assertThat(resumed.getException()).isNull();
            assertThat(resumed.getMessage().getBody(List.class)).hasSize(2);
            assertThat(resumed.getMessage().getHeader(AnnoLabConstants.JOB_ID, Long.class)).isEqualTo(firstJob);
            assertThat(resumed.getMessage().getHeader(AnnoLabConstants.SOURCE_IDS, List.class))
                    .isEqualTo(stopped.getMessage().getHeader(AnnoLabConstants.SOURCE_IDS, List.class));
            assertThat(calls(CREATE_TEXT)).isEqualTo(1);
            assertThat(calls(INFER)).isEqualTo(1);
            assertThat(emulator.stats().billedUnits("annolab")).isEqualTo(1);
        } finally {
            second.stop();
        }
        // a finished message leaves nothing behind in the store
        FileJobStore store = new FileJobStore(dir.resolve("annolab.jobs"), Duration.ofDays(1));
        store.start();
        assertThat(store.size()).isZero();
        store.stop();
    }
}
