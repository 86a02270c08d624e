package io.camelinference.annolab;

import java.io.IOException;
import java.nio.file.Path;

import io.camelinference.emulator.EmulatorExtension;
import io.camelinference.emulator.FaultRule;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Runs routes against the in-process emulator. The component gets the emulator's base URL but no API key: the key
 * comes from the ANNOLAB_API_KEY environment variable surefire sets, which exercises the env fallback in every test.
 */
abstract class AnnoLabTestSupport extends CamelTestSupport {

    static final String CREATE_TEXT = "POST /v1/source/create-text";
    static final String INIT_PDF = "POST /v1/source/init-pdf";
    static final String UPLOAD = "PUT /_emulator/annolab/upload/{token}";
    static final String CREATE_PDF = "POST /v1/source/create-pdf";
    static final String INFER = "POST /v1/infer/batch";
    static final String INFER_STATUS = "GET /v1/infer/batch/{jobId}";
    static final String EXPORT = "POST /v1/export/project";
    static final String EXPORT_STATUS = "GET /v1/export/status/{exportId}";
    static final String DOWNLOAD = "GET /_emulator/annolab/download/{token}";

    static final String TARGET = "groupName=demo&projectIdentifier=contracts";
    static final String ENTITIES = "annolab:infer?" + TARGET + "&modelIdentifier=101&outputLayerIdentifier=Predictions";
    static final String CLASSIFIER = "annolab:infer?" + TARGET
            + "&modelIdentifier=RAW(Staple + Classify Documents)&outputLayerIdentifier=Documents";

    protected abstract EmulatorExtension emulator();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        AnnoLabComponent component = new AnnoLabComponent();
        component.getConfiguration().setBaseUrl(emulator().baseUrl());
        // keep test waits short; the schedule itself is the engine's, tested there
        component.getConfiguration().setRetryInitialDelay(50);
        component.getConfiguration().setPollInitialDelay(50);
        component.getConfiguration().setPollMaxInterval(100);
        component.getConfiguration().setWaitTimeout(20_000);
        context.addComponent("annolab", component);
        context.getShutdownStrategy().setTimeout(2);
        return context;
    }

    void fault(FaultRule.Builder rule) {
        emulator().faults().add(rule.provider("annolab").build());
    }

    long calls(String route) {
        return emulator().stats().calls("annolab", route);
    }

    long billed() {
        return emulator().stats().billedUnits("annolab");
    }

    static Path pdf(Path file, String... pages) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (String text : pages) {
                PDPage page = new PDPage();
                doc.addPage(page);
                try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                    cs.beginText();
                    cs.setFont(font, 11);
                    cs.newLineAtOffset(50, 700);
                    cs.showText(text);
                    cs.endText();
                }
            }
            doc.save(file.toFile());
        }
        return file;
    }
}
