package io.camelinference.annolab;

import java.io.IOException;
import java.nio.file.Path;

import io.camelinference.common.component.InferenceComponentSupport;
import io.camelinference.common.component.InferenceConfiguration;
import io.camelinference.common.test.ComponentTestSupport;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Runs routes against the in-process emulator (see {@link ComponentTestSupport}): the key comes from the
 * ANNOLAB_API_KEY environment variable surefire sets, which exercises the env fallback in every test.
 */
abstract class AnnoLabTestSupport extends ComponentTestSupport {

    static final String CREATE_TEXT = "POST /v1/source/create-text";
    static final String INIT_PDF = "POST /v1/source/init-pdf";
    static final String UPLOAD = "PUT /_emulator/annolab/upload/{token}";
    static final String CREATE_PDF = "POST /v1/source/create-pdf";
    static final String FIND_SOURCE = "GET /v1/source/{group}/{project}/{directory}/{name}";
    static final String GET_SOURCE = "GET /v1/source/{id}";
    static final String INFER = "POST /v1/infer/batch";
    static final String INFER_STATUS = "GET /v1/infer/batch/{jobId}";
    static final String EXPORT = "POST /v1/export/project";
    static final String EXPORT_STATUS = "GET /v1/export/status/{exportId}";
    static final String DOWNLOAD = "GET /_emulator/annolab/download/{token}";
    static final String API_KEY_INFO = "GET /v1/api-key/info";
    static final String CREATE_PROJECT = "POST /v1/project/create";
    static final String GET_PROJECT_BY_NAME = "GET /v1/project/{group}/{name}";
    static final String GET_PROJECT_BY_ID = "GET /v1/project/{id}";
    static final String LIST_PROJECTS = "GET /v1/project/list";
    static final String CREATE_DIRECTORY = "POST /v1/directory/create";
    static final String DELETE_SOURCE = "DELETE /v1/source/{id}";
    static final String DELETE_SOURCE_BY_PATH = "DELETE /v1/source/{group}/{project}/{directory}/{name}";
    static final String ON_SOURCE = "POST /v1/source/{group}/{project}/{directory}/{name}/annotations";
    static final String BULK_ANNOTATIONS = "POST /v1/annotation/bulk-create";
    static final String CREATE_RELATION = "POST /v1/relation/create";
    static final String BULK_RELATIONS = "POST /v1/relation/bulk-create";
    static final String CREATE_LAYER = "POST /v1/layer/create";
    static final String CREATE_TYPE = "POST /v1/annotation-type/create";
    /** The emulator's single-user group: the key's own, the SDK's default owner. */
    static final String OWNER = "emulator-user";

    static final String TARGET = "groupName=demo&projectIdentifier=contracts";
    static final String ENTITIES = "annolab:infer?" + TARGET + "&modelIdentifier=101&outputLayerIdentifier=Predictions";
    static final String CLASSIFIER = "annolab:infer?" + TARGET
            + "&modelIdentifier=RAW(Staple + Classify Documents)&outputLayerIdentifier=Documents";
    /** The job key scope of {@link #ENTITIES}: what the component stores a message's chain under, before its key. */
    static final String ENTITIES_SCOPE = "infer:demo/contracts:101:Predictions|";

    @Override
    protected InferenceComponentSupport newComponent() {
        return new AnnoLabComponent();
    }

    @Override
    protected String apiPath() {
        return "";
    }

    @Override
    protected void configure(InferenceConfiguration configuration) {
        configuration.setWaitTimeout(20_000);
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
