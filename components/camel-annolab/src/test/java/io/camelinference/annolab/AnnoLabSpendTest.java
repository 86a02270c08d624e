package io.camelinference.annolab;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.camelinference.common.component.InferenceConfiguration;
import io.camelinference.common.error.SpendLimitExceededException;
import io.camelinference.emulator.EmulatorExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** AnnoLab bills model runs, one per source of an inference job: a document over the budget is not even uploaded. */
class AnnoLabSpendTest extends AnnoLabTestSupport {

    @RegisterExtension
    static EmulatorExtension emulator = EmulatorExtension.with(b -> b.slowModelMillis(100));

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @TempDir
    Path temp;

    @Override
    protected EmulatorExtension emulator() {
        return emulator;
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("metricsRegistry", registry);
        return context;
    }

    @Override
    protected void configure(InferenceConfiguration configuration) {
        super.configure(configuration);
        configuration.setSpendLimit(2.0);
    }

    private Exchange infer(String text) {
        return template.request(ENTITIES, e -> e.getMessage().setBody(text));
    }

    @Test
    void aDocumentOverTheBudgetIsNeitherUploadedNorRun() {
        assertThat(infer("Wonka Industries will deliver on April 15, 2025.").getException()).isNull();
        assertThat(infer("Northwind Traders pays $8,750.00.").getException()).isNull();

        Exchange refused = infer("Hooli writes to orders@wonka.example.");

        assertThat(refused.getException()).isInstanceOf(SpendLimitExceededException.class)
                .hasMessageContaining("Budget annolab allows 2 model runs per 24h")
                .hasMessageContaining("2 model runs were spent; this call would add 1 model runs");
        assertThat(calls(CREATE_TEXT)).isEqualTo(2);
        assertThat(calls(INFER)).isEqualTo(2);
        assertThat(billed()).isEqualTo(2);
        assertThat(registry.get("camel.inference.billed").tags("component", "annolab", "operation", "infer", "unit",
                "model_runs").counter().count()).isEqualTo(2);
    }

    @Test
    void aRefusedPdfStreamLeavesNoSpoolFileBehind() throws Exception {
        assertThat(infer("Wonka Industries will deliver on April 15, 2025.").getException()).isNull();
        assertThat(infer("Northwind Traders pays $8,750.00.").getException()).isNull();
        byte[] pdf = Files.readAllBytes(pdf(temp.resolve("x.pdf"), "Invoice from Acme Corporation, 2025-01-31"));
        List<Path> before = tempFiles(".spool");

        Exchange refused = template.request(ENTITIES, e -> {
            e.getMessage().setBody(new ByteArrayInputStream(pdf));
            e.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/pdf");
        });

        assertThat(refused.getException()).isInstanceOf(SpendLimitExceededException.class);
        assertThat(calls(INIT_PDF)).isZero();
        // the refusal is synchronous: nothing is left to clean up later
        assertThat(tempFiles(".spool")).as("spool files of the component").isEqualTo(before);
    }
}
